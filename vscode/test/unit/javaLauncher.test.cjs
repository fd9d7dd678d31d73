// Unit tests of the Java discovery and VM-argument parsing the extension starts the server with.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { parseVmArgs, javaExecutable, serverArguments } = require('../../dist/test/javaLauncher.cjs');

test('vm arguments split at spaces, quotes group', () => {
  assert.deepEqual(parseVmArgs('-Xmx1G  -Dx="a b" \'-Dy=c d\''), ['-Xmx1G', '-Dx=a b', '-Dy=c d']);
  assert.deepEqual(parseVmArgs(''), []);
  assert.deepEqual(parseVmArgs(undefined), []);
  assert.deepEqual(parseVmArgs('-Dempty=""'), ['-Dempty=']);
});

test('an unclosed quote is an error that names the setting', () => {
  assert.throws(() => parseVmArgs('-Dx="a'), /allo.server.vmargs has an unclosed " quote/);
});

test('java comes from allo.java.home, then JAVA_HOME, then the PATH', () => {
  const binary = process.platform === 'win32' ? 'java.exe' : 'java';
  const exists = (file) => file.startsWith('/jdk');
  assert.equal(javaExecutable('/jdk/a', { JAVA_HOME: '/jdk/b' }, exists), path.join('/jdk/a', 'bin', binary));
  assert.equal(javaExecutable(null, { JAVA_HOME: '/jdk/b' }, exists), path.join('/jdk/b', 'bin', binary));
  assert.equal(javaExecutable(null, { JAVA_HOME: '/nowhere' }, exists), binary);
  assert.equal(javaExecutable(undefined, {}, exists), binary);
});

test('a wrong allo.java.home is reported, not silently replaced', () => {
  assert.throws(() => javaExecutable('/nowhere', {}, () => false), /allo.java.home is set to \/nowhere/);
});

test('the server runs the jar in lsp mode watching the editor process', () => {
  assert.deepEqual(serverArguments(['-Xmx1G'], '/ext/server/allo.jar', 42),
    ['-Xmx1G', '-jar', '/ext/server/allo.jar', 'lsp', '--parent-pid', '42']);
});
