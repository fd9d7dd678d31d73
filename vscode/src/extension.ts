import * as vscode from 'vscode';
import {
  ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { javaExecutable, parseVmArgs, serverArguments } from './javaLauncher';

let client: LanguageClient | undefined;

/** The answer of the server's allo/showIr request. */
interface ShownIr {
  title: string;
  text: string;
}

/** The server's command behind the "Verify up to here" lens on each schedule step. */
const VERIFY_UP_TO = 'allo.verifyUpTo';

/** The answer of allo.verifyUpTo; the server also shows its message. */
interface Verified {
  title: string;
  kind: string;
  message: string;
  steps: string[];
  counterexample: string | null;
}

interface Place {
  uri: string;
  position: { line: number; character: number };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('allo');
  const java = javaExecutable(config.get<string | null>('java.home'), process.env);
  const jar = context.asAbsolutePath('server/allo.jar');
  const args = serverArguments(parseVmArgs(config.get<string>('server.vmargs')), jar, process.pid);
  const serverOptions: ServerOptions = {
    run: { command: java, args, transport: TransportKind.stdio },
    debug: {
      command: java,
      args: ['-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005', ...args],
      transport: TransportKind.stdio,
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'allo' }, { scheme: 'untitled', language: 'allo' }],
    middleware: {
      // The lens runs the server's command; through verifyUpTo it gets a cancellable progress notification.
      executeCommand: (command, args, next) => (command === VERIFY_UP_TO ? verifyUpTo(args[0], args[1]) : next(command, args)),
    },
  };
  // The id 'allo' makes the client honour the allo.trace.server setting.
  client = new LanguageClient('allo', 'Allo Language Server', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('allo.showIr', showIr));
  context.subscriptions.push(vscode.commands.registerCommand('allo.verifyUpToCursor', () => verifyUpTo()));
  await client.start();
}

/** The place a step command works on: the one a code lens passes, else the cursor in the active editor. */
function placeOf(uri?: string, position?: Place['position']): Place | undefined {
  const editor = vscode.window.activeTextEditor;
  const documentUri = uri ?? editor?.document.uri.toString();
  const at = position ?? (editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
  return documentUri && at ? { uri: documentUri, position: at } : undefined;
}

/** Opens the IR the server computes at a place: the code lens passes one, the command palette uses the cursor. */
async function showIr(uri?: string, position?: Place['position']): Promise<void> {
  const place = placeOf(uri, position);
  if (!client || !place) {
    void vscode.window.showInformationMessage('Open an .allo file and put the cursor in a kernel or on a schedule step.');
    return;
  }
  const shown = await client.sendRequest<ShownIr>('allo/showIr', { textDocument: { uri: place.uri }, position: place.position });
  const document = await vscode.workspace.openTextDocument({ content: `# ${shown.title}\n${shown.text}`, language: 'plaintext' });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/**
 * Runs the equivalence checker up to the step at a place. Cancelling the notification cancels the
 * request, which stops the check on the server; the verdict comes as the server's message.
 */
async function verifyUpTo(uri?: string, position?: Place['position']): Promise<Verified | undefined> {
  const place = placeOf(uri, position);
  const running = client;
  if (!running || !place) {
    void vscode.window.showInformationMessage('Open an .allo file and put the cursor on a schedule step.');
    return undefined;
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Allo: verifying the schedule up to this step', cancellable: true },
    async (_progress, token) => {
      try {
        return await running.sendRequest(ExecuteCommandRequest.type, { command: VERIFY_UP_TO, arguments: [place.uri, place.position] },
          token) as Verified;
      } catch (error) {
        if (token.isCancellationRequested) {
          return undefined;
        }
        throw error;
      }
    },
  );
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
