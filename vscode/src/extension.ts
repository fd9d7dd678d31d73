import * as vscode from 'vscode';
import {
  LanguageClient, LanguageClientOptions, ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { javaExecutable, parseVmArgs, serverArguments } from './javaLauncher';

let client: LanguageClient | undefined;

/** The answer of the server's allo/showIr request. */
interface ShownIr {
  title: string;
  text: string;
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
  };
  // The id 'allo' makes the client honour the allo.trace.server setting.
  client = new LanguageClient('allo', 'Allo Language Server', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('allo.showIr', showIr));
  await client.start();
}

/** Opens the IR the server computes at a place: the code lens passes one, the command palette uses the cursor. */
async function showIr(uri?: string, position?: { line: number; character: number }): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const documentUri = uri ?? editor?.document.uri.toString();
  const at = position ?? (editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
  if (!client || !documentUri || !at) {
    void vscode.window.showInformationMessage('Open an .allo file and put the cursor in a kernel or on a schedule step.');
    return;
  }
  const shown = await client.sendRequest<ShownIr>('allo/showIr', { textDocument: { uri: documentUri }, position: at });
  const document = await vscode.workspace.openTextDocument({ content: `# ${shown.title}\n${shown.text}`, language: 'plaintext' });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
