// How the extension finds Java and builds the server's command line. Kept free of the vscode
// module so that it can be unit-tested with plain Node.
import * as fs from 'fs';
import * as path from 'path';

/** Splits the allo.server.vmargs setting at spaces; double or single quotes group an argument. */
export function parseVmArgs(text: string | undefined): string[] {
  const args: string[] = [];
  if (!text) {
    return args;
  }
  let current = '';
  let quote: string | null = null;
  let started = false;
  for (const c of text) {
    if (quote) {
      if (c === quote) {
        quote = null;
      } else {
        current += c;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      started = true;
    } else if (/\s/.test(c)) {
      if (started || current.length > 0) {
        args.push(current);
      }
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (quote) {
    throw new Error(`allo.server.vmargs has an unclosed ${quote} quote`);
  }
  if (started || current.length > 0) {
    args.push(current);
  }
  return args;
}

/** The java executable: allo.java.home, then JAVA_HOME, then java on the PATH. */
export function javaExecutable(javaHome: string | undefined | null, env: NodeJS.ProcessEnv,
  exists: (file: string) => boolean = fs.existsSync): string {
  const binary = process.platform === 'win32' ? 'java.exe' : 'java';
  for (const home of [javaHome, env.JAVA_HOME]) {
    if (home) {
      const candidate = path.join(home, 'bin', binary);
      if (exists(candidate)) {
        return candidate;
      }
      if (home === javaHome) {
        throw new Error(`allo.java.home is set to ${home}, but ${candidate} does not exist`);
      }
    }
  }
  return binary;
}

/** The arguments that start the server jar in language-server mode, watching this process. */
export function serverArguments(vmArgs: string[], jar: string, parentPid: number): string[] {
  return [...vmArgs, '-jar', jar, 'lsp', '--parent-pid', String(parentPid)];
}
