// End to end against the real server jar, as an editor drives it: open a file, receive its
// diagnostics, complete, hover, go to definition, rename, format, then shutdown and exit.
// ALLO_JAR overrides the jar (default: the one Maven builds); JAVA overrides the java command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.ALLO_JAR ?? join(here, '..', '..', '..', 'org.allo.lang.ide', 'target', 'allo.jar');
const java = process.env.JAVA ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');

// The same file the Neovim test opens: one wrong loop name, one missing space.
const SOURCE = readFileSync(join(here, 'add.allo'), 'utf8');
// A kernel with two schedule steps the equivalence checker proves.
const STEPS = readFileSync(join(here, 'steps.allo'), 'utf8');

function startServer(root) {
  assert.ok(existsSync(jar), `server jar missing: ${jar} (run ./mvnw verify first)`);
  const server = spawn(java, ['-jar', jar, 'lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  server.stdout.on('data', (chunk) => { stdout += chunk.toString('latin1'); });
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const diagnostics = new Map();
  const waiters = [];
  const messages = [];
  connection.onNotification('window/showMessage', (params) => messages.push(params));
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    diagnostics.set(params.uri, params.diagnostics);
    for (const waiter of waiters.splice(0)) {
      waiter();
    }
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  async function diagnosticsFor(uri) {
    const deadline = Date.now() + 60000;
    while (!diagnostics.has(uri)) {
      assert.ok(Date.now() < deadline, `no diagnostics for ${uri}; server stderr:\n${stderr}`);
      await new Promise((resolve) => { waiters.push(resolve); setTimeout(resolve, 500); });
    }
    return diagnostics.get(uri);
  }
  return { server, connection, diagnosticsFor, messages, exited, stderr: () => stderr, stdout: () => stdout, root };
}

function assertOnlyMessages(output) {
  let rest = output;
  while (rest.length > 0) {
    const header = /^Content-Length: (\d+)\r\n(?:[^\r\n]+\r\n)*\r\n/.exec(rest);
    assert.ok(header, `stdout holds something other than a JSON-RPC message: ${JSON.stringify(rest.slice(0, 80))}`);
    const length = Number(header[1]);
    // stdout was read as latin1: one character per byte, as Content-Length counts.
    const body = rest.slice(header[0].length, header[0].length + length);
    assert.equal(body.length, length, 'a message was cut short');
    JSON.parse(Buffer.from(body, 'latin1').toString('utf8'));
    rest = rest.slice(header[0].length + length);
  }
}

test('a session from open to exit', { timeout: 120000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'allo-e2e-'));
  try {
    const file = join(root, 'add.allo');
    writeFileSync(file, SOURCE);
    const uri = pathToFileURL(file).href;
    const { connection, diagnosticsFor, messages, exited, stdout } = startServer(root);
    const init = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'e2e' }],
      capabilities: { textDocument: { rename: { prepareSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    });
    assert.equal(init.capabilities.documentFormattingProvider, true);
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'allo', version: 1, text: SOURCE } });

    const diagnostics = await diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code]),
      [[14, 11, 'allo.schedule.unknown-loop']]);
    assert.match(diagnostics[0].message, /unknown loop 'jj' in kernel add; loops are: i, j/);

    // completion of a name at the start of the return statement's operand: C is offered
    const completion = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 12 } });
    const labels = (Array.isArray(completion) ? completion : completion.items).map((item) => item.label);
    assert.ok(labels.includes('C'), `completion labels: ${labels.slice(0, 40).join(', ')}`);

    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 8 } });
    assert.match(hover.contents.value, /int32\[8, 8\]/);

    const definition = await connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 13, character: 20 } });
    assert.equal(definition[0].range.start.line, 6);

    const rename = await connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 7, character: 4 }, newName: 'Out' });
    const edits = rename.documentChanges ? rename.documentChanges.flatMap((change) => change.edits) : rename.changes[uri];
    assert.deepEqual(edits.map((edit) => edit.range.start.line).sort((a, b) => a - b), [7, 9, 10], JSON.stringify(edits));
    assert.ok(edits.every((edit) => edit.newText === 'Out'));

    const formatting = await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(formatting, [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, newText: ' ' }]);

    // "Verify up to here": the lens on each step runs the server's command, which proves the step and says so.
    assert.ok(init.capabilities.executeCommandProvider.commands.includes('allo.verifyUpTo'));
    const stepsFile = join(root, 'steps.allo');
    writeFileSync(stepsFile, STEPS);
    const stepsUri = pathToFileURL(stepsFile).href;
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri: stepsUri, languageId: 'allo', version: 1, text: STEPS } });
    assert.deepEqual(await diagnosticsFor(stepsUri), []);
    const lenses = await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: stepsUri } });
    const verifyLens = lenses.find((lens) => lens.command.command === 'allo.verifyUpTo' && lens.range.start.line === 16);
    assert.ok(verifyLens, JSON.stringify(lenses));
    const shown = messages.length;
    const verified = await connection.sendRequest('workspace/executeCommand', verifyLens.command);
    assert.equal(verified.kind, 'EQUIVALENT', JSON.stringify(verified));
    assert.equal(verified.steps.length, 2);
    assert.match(messages[shown].message, /step 2 reorder\("k", "j"\): equivalent/);

    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    assert.equal(await exited, 0);
    // Nothing but JSON-RPC messages on stdout: every byte belongs to a Content-Length framed message.
    assertOnlyMessages(stdout());
    connection.dispose();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the server exits when its input closes', { timeout: 60000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'allo-e2e-'));
  try {
    const { server, exited, connection } = startServer(root);
    await connection.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(root).href, capabilities: {} });
    server.stdin.end();
    assert.equal(await exited, 0);
    connection.dispose();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
