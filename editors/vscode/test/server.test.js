// Finding the server (src/server.js), and what activation does with it (src/extension.js, with a stand-in
// for the `vscode` module: the real extension host cannot be downloaded here).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');
const { test } = require('node:test');
const { findServer, spawnOptions, isExecutable } = require('../src/server');

function tempdir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaignlint-vscode-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function program(file, mode = 0o755) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, mode);
  return file;
}

const posix = process.platform !== 'win32';

test('the workspace .venv comes first, before the PATH', { skip: !posix && 'POSIX permissions' }, (t) => {
  const dir = tempdir(t);
  const workspace = path.join(dir, 'projet');
  const venv = program(path.join(workspace, '.venv', 'bin', 'campaignlint'));
  program(path.join(dir, 'bin', 'campaignlint'));
  const found = findServer({ workspaceFolders: [workspace], env: { PATH: path.join(dir, 'bin') }, platform: 'linux' });
  assert.deepEqual(found, { command: venv, args: ['lsp'], source: 'venv' });
});

test('the first workspace folder that has a .venv wins', { skip: !posix && 'POSIX permissions' }, (t) => {
  const dir = tempdir(t);
  const second = program(path.join(dir, 'b', '.venv', 'bin', 'campaignlint'));
  const found = findServer({ workspaceFolders: [path.join(dir, 'a'), path.join(dir, 'b')], env: { PATH: '' },
    platform: 'linux' });
  assert.equal(found.command, second);
});

test('without a .venv, campaignlint is taken from the PATH, in PATH order', { skip: !posix && 'POSIX' }, (t) => {
  const dir = tempdir(t);
  const first = program(path.join(dir, 'one', 'campaignlint'));
  program(path.join(dir, 'two', 'campaignlint'));
  const env = { PATH: ['', path.join(dir, 'missing'), path.join(dir, 'one'), path.join(dir, 'two')].join(':') };
  const found = findServer({ workspaceFolders: [path.join(dir, 'projet')], env, platform: 'linux' });
  assert.deepEqual(found, { command: first, args: ['lsp'], source: 'path' });
});

test('a file that is not executable, or a folder, is not a server', { skip: !posix && 'POSIX permissions' }, (t) => {
  const dir = tempdir(t);
  program(path.join(dir, 'projet', '.venv', 'bin', 'campaignlint'), 0o644);
  fs.mkdirSync(path.join(dir, 'bin', 'campaignlint'), { recursive: true });
  assert.equal(isExecutable(path.join(dir, 'projet', '.venv', 'bin', 'campaignlint'), 'linux'), false);
  const found = findServer({ workspaceFolders: [path.join(dir, 'projet')], env: { PATH: path.join(dir, 'bin') },
    platform: 'linux' });
  assert.ok(found.error, JSON.stringify(found));
  assert.match(found.error, /campaignlint was not found/);
  assert.match(found.error, /\.venv\/bin\/campaignlint/);
  assert.match(found.error, /campaignlint\.path/);
});

test('campaignlint.path wins over the .venv; relative paths and ${workspaceFolder} are read from the first folder',
  { skip: !posix && 'POSIX permissions' }, (t) => {
    const dir = tempdir(t);
    const workspace = path.join(dir, 'projet');
    program(path.join(workspace, '.venv', 'bin', 'campaignlint'));
    const tool = program(path.join(workspace, 'tools', 'cl'));
    for (const setting of ['tools/cl', './tools/cl', '${workspaceFolder}/tools/cl', tool]) {
      const found = findServer({ settings: { path: setting, args: ['--verbose'] }, workspaceFolders: [workspace],
        env: { PATH: '' }, platform: 'linux' });
      assert.deepEqual(found, { command: tool, args: ['lsp', '--verbose'], source: 'setting' }, setting);
    }
  });

test('campaignlint.path with ~ is read from the home folder; a bare name is looked up on the PATH',
  { skip: !posix && 'POSIX permissions' }, (t) => {
    const dir = tempdir(t);
    const home = path.join(dir, 'home');
    const tool = program(path.join(home, '.local', 'bin', 'campaignlint'));
    let found = findServer({ settings: { path: '~/.local/bin/campaignlint' }, home, env: { PATH: '' }, platform: 'linux' });
    assert.equal(found.command, tool);
    found = findServer({ settings: { path: 'campaignlint' }, env: { PATH: path.dirname(tool) }, platform: 'linux' });
    assert.deepEqual([found.command, found.source], [tool, 'setting']);
  });

test('a campaignlint.path that leads nowhere is an error naming the setting, not a silent fallback', (t) => {
  const dir = tempdir(t);
  const workspace = path.join(dir, 'projet');
  const exists = (file) => file === path.posix.join(workspace, '.venv', 'bin', 'campaignlint');
  let found = findServer({ settings: { path: 'tools/absent' }, workspaceFolders: [workspace], env: { PATH: '' },
    platform: 'linux', exists });
  assert.equal(found.error, `campaignlint.path is “tools/absent”, but there is no program at ${workspace}/tools/absent.`);
  found = findServer({ settings: { path: 'cl-absent' }, workspaceFolders: [workspace], env: { PATH: '/usr/bin' },
    platform: 'linux', exists });
  assert.equal(found.error, 'campaignlint.path is “cl-absent”, but no program of that name is on the PATH.');
  // blank means "not set"
  found = findServer({ settings: { path: '  ' }, workspaceFolders: [workspace], platform: 'linux', exists });
  assert.equal(found.source, 'venv');
});

test('on Windows: .venv\\Scripts\\campaignlint.exe, then PATH with PATHEXT', () => {
  const seen = [];
  const files = new Set(['C:\\projet\\.venv\\Scripts\\campaignlint.exe', 'D:\\pipx\\campaignlint.CMD']);
  const exists = (file) => {
    seen.push(file);
    return files.has(file);
  };
  let found = findServer({ workspaceFolders: ['C:\\projet'], platform: 'win32', exists,
    env: { Path: 'D:\\pipx', PATHEXT: '.EXE;.CMD' } });
  assert.deepEqual(found, { command: 'C:\\projet\\.venv\\Scripts\\campaignlint.exe', args: ['lsp'], source: 'venv' });
  files.delete('C:\\projet\\.venv\\Scripts\\campaignlint.exe');
  seen.length = 0;
  found = findServer({ workspaceFolders: ['C:\\projet'], platform: 'win32', exists,
    env: { Path: '"C:\\Program Files\\x";D:\\pipx', PATHEXT: '.EXE;.CMD' } });
  assert.deepEqual(found, { command: 'D:\\pipx\\campaignlint.CMD', args: ['lsp'], source: 'path' });
  assert.deepEqual(seen, ['C:\\projet\\.venv\\Scripts\\campaignlint.exe', 'C:\\Program Files\\x\\campaignlint.EXE',
    'C:\\Program Files\\x\\campaignlint.CMD', 'D:\\pipx\\campaignlint.EXE', 'D:\\pipx\\campaignlint.CMD']);
  // a .cmd needs the shell to start on Windows; an .exe does not
  assert.deepEqual(spawnOptions(found.command, { platform: 'win32', cwd: 'C:\\projet' }),
    { cwd: 'C:\\projet', shell: true });
  assert.deepEqual(spawnOptions('C:\\x\\campaignlint.exe', { platform: 'win32' }), {});
  // a relative setting on Windows
  files.add('C:\\projet\\outils\\campaignlint.exe');
  found = findServer({ settings: { path: 'outils\\campaignlint.exe' }, workspaceFolders: ['C:\\projet'],
    platform: 'win32', exists, env: {} });
  assert.equal(found.command, 'C:\\projet\\outils\\campaignlint.exe');
});

test('extra arguments that are not strings are dropped', () => {
  const found = findServer({ settings: { args: ['--x', 3, null] }, workspaceFolders: ['/w'], platform: 'linux',
    exists: (file) => file === '/w/.venv/bin/campaignlint' });
  assert.deepEqual(found.args, ['lsp', '--x']);
});

// ------------------------------------------------------------ activation, with a stand-in for `vscode`

function fakeVscode({ folders, config, choice }) {
  const calls = { errors: [], commands: [], registered: [], lines: [], clients: [] };
  const vscode = {
    workspace: {
      workspaceFolders: folders.map((fsPath) => ({ uri: { scheme: 'file', fsPath } })),
      getConfiguration: (section) => ({ get: (key, fallback) => config[`${section}.${key}`] ?? fallback }),
      onDidChangeConfiguration: (listener) => { calls.onConfig = listener; return { dispose() {} }; },
      onDidChangeWorkspaceFolders: () => ({ dispose() {} }),
    },
    window: {
      createOutputChannel: () => ({ appendLine: (line) => calls.lines.push(line), show() {}, dispose() {} }),
      showErrorMessage: async (message, ...items) => { calls.errors.push([message, items]); return choice; },
    },
    commands: {
      registerCommand: (name) => { calls.registered.push(name); return { dispose() {} }; },
      executeCommand: async (...args) => { calls.commands.push(args); },
    },
  };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: 0, stopped: 0 });
      calls.clients.push(this);
    }
    async start() { this.started += 1; }
    async stop() { this.stopped += 1; }
  }
  return { vscode, calls, client: { LanguageClient, TransportKind: { stdio: 0 } } };
}

function loadExtension(t, fake) {
  const original = Module._load;
  Module._load = function load(request, ...rest) {
    if (request === 'vscode') return fake.vscode;
    if (request === 'vscode-languageclient/node') return fake.client;
    return original.call(this, request, ...rest);
  };
  const file = require.resolve('../src/extension');
  delete require.cache[file];
  t.after(() => {
    Module._load = original;
    delete require.cache[file];
  });
  return require(file);
}

test('activation starts `campaignlint lsp` for .camp documents, restarts on a settings change, stops on deactivate',
  { skip: !posix && 'POSIX permissions' }, async (t) => {
    const dir = tempdir(t);
    const workspace = path.join(dir, 'projet');
    const venv = program(path.join(workspace, '.venv', 'bin', 'campaignlint'));
    const config = { 'campaignlint.args': ['--x'] };
    const fake = fakeVscode({ folders: [workspace], config });
    const extension = loadExtension(t, fake);
    const context = { subscriptions: [] };
    await extension.activate(context);

    assert.deepEqual(fake.calls.registered, ['campaignlint.restart', 'campaignlint.showOutput']);
    assert.equal(fake.calls.clients.length, 1);
    const [client] = fake.calls.clients;
    assert.equal(client.id, 'campaignlint');
    assert.deepEqual(client.serverOptions.run, {
      command: venv, args: ['lsp', '--x'], transport: 0, options: { cwd: workspace },
    });
    assert.deepEqual(client.clientOptions.documentSelector.map((s) => `${s.scheme}:${s.language}`),
      ['file:campaign', 'untitled:campaign']);
    assert.equal(client.started, 1);
    assert.deepEqual(fake.calls.errors, []);

    // another path in the settings: the old server stops, a new one starts with it
    const other = program(path.join(dir, 'ailleurs', 'campaignlint'));
    config['campaignlint.path'] = other;
    fake.calls.onConfig({ affectsConfiguration: (key) => key === 'campaignlint.path' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(client.stopped, 1);
    assert.equal(fake.calls.clients.length, 2);
    assert.equal(fake.calls.clients[1].serverOptions.run.command, other);
    // an unrelated setting changes nothing
    fake.calls.onConfig({ affectsConfiguration: () => false });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(fake.calls.clients.length, 2);

    await extension.deactivate();
    assert.equal(fake.calls.clients[1].stopped, 1);
  });

test('activation without a server says where it looked and offers the setting', async (t) => {
  const fake = fakeVscode({ folders: ['/nulle/part'], config: {}, choice: 'Open settings' });
  const saved = process.env.PATH;
  process.env.PATH = '/nulle/part/bin';
  t.after(() => { process.env.PATH = saved; });
  const extension = loadExtension(t, fake);
  await extension.activate({ subscriptions: [] });
  assert.equal(fake.calls.clients.length, 0);
  assert.equal(fake.calls.errors.length, 1);
  const [message, items] = fake.calls.errors[0];
  assert.match(message, /campaignlint was not found/);
  assert.deepEqual(items, ['Open settings']);
  assert.deepEqual(fake.calls.commands, [['workbench.action.openSettings', 'campaignlint.path']]);
});
