// The VS Code side: starts `campaignlint lsp` for .camp files and restarts it
// when its settings change. Diagnostics, quick fixes, hover and formatting all
// come from the server (src/campaignlint/lsp.py).
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { findServer, spawnOptions } = require('./server');

const SECTION = 'campaignlint';
let client;
let output;

function workspaceFolders() {
  return (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => folder.uri.fsPath);
}

function settings() {
  const config = vscode.workspace.getConfiguration(SECTION);
  return { path: config.get('path', ''), args: config.get('args', []) };
}

/** The language client's options: .camp documents, on disk or not yet saved. */
function clientOptions() {
  return {
    documentSelector: [
      { scheme: 'file', language: 'campaign' },
      { scheme: 'untitled', language: 'campaign' },
    ],
    outputChannel: output,
    traceOutputChannel: output,
  };
}

async function start() {
  const folders = workspaceFolders();
  const found = findServer({ settings: settings(), workspaceFolders: folders });
  if (found.error) {
    output.appendLine(found.error);
    const choice = await vscode.window.showErrorMessage(found.error, 'Open settings');
    if (choice === 'Open settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.path`);
    }
    return undefined;
  }
  output.appendLine(`Starting ${found.command} ${found.args.join(' ')} (found: ${found.source})`);
  const executable = {
    command: found.command,
    args: found.args,
    transport: TransportKind.stdio,
    options: spawnOptions(found.command, { cwd: folders[0] }),
  };
  const created = new LanguageClient(SECTION, 'campaignlint', { run: executable, debug: executable }, clientOptions());
  try {
    await created.start();
  } catch (error) {
    const message = `campaignlint could not start (${found.command}): ${error && error.message ? error.message : error}`;
    output.appendLine(message);
    vscode.window.showErrorMessage(message);
    return undefined;
  }
  return created;
}

async function restart() {
  const previous = client;
  client = undefined;
  if (previous) {
    try {
      await previous.stop();
    } catch (error) {
      output.appendLine(`The previous server did not stop cleanly: ${error && error.message ? error.message : error}`);
    }
  }
  client = await start();
}

async function activate(context) {
  output = vscode.window.createOutputChannel('campaignlint');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('campaignlint.restart', restart),
    vscode.commands.registerCommand('campaignlint.showOutput', () => output.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.path`) || event.affectsConfiguration(`${SECTION}.args`)) restart();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (!client) restart(); // a folder with a .venv may have been added
    }),
  );
  client = await start();
}

function deactivate() {
  const previous = client;
  client = undefined;
  return previous ? previous.stop() : undefined;
}

module.exports = { activate, deactivate, clientOptions };
