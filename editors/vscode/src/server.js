// Where the campaignlint language server is, and how to start it.
//
// Pure module: no `vscode` import, so test/server.test.js runs it under plain
// Node. extension.js passes in the settings and the workspace folders.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const nodePath = require('node:path');

/** Is `file` a file this user may run? (On Windows, being a file is enough.) */
function isExecutable(file, platform = process.platform) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The workspace's virtualenv script: `.venv/bin/campaignlint`, or `.venv\Scripts\campaignlint.exe` on Windows. */
function venvScript(folder, platform) {
  const p = platform === 'win32' ? nodePath.win32 : nodePath.posix;
  return platform === 'win32'
    ? p.join(folder, '.venv', 'Scripts', 'campaignlint.exe')
    : p.join(folder, '.venv', 'bin', 'campaignlint');
}

/** `name` looked up on PATH (with PATHEXT on Windows), or null. */
function onPath(name, { platform, env, exists }) {
  const p = platform === 'win32' ? nodePath.win32 : nodePath.posix;
  const pathVar = platform === 'win32' ? (env.PATH ?? env.Path ?? '') : (env.PATH ?? '');
  const extensions = platform === 'win32' && !p.extname(name)
    ? (env.PATHEXT || '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)
    : [''];
  for (const dir of pathVar.split(p.delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = p.join(dir.replace(/^"(.*)"$/, '$1'), name + extension);
      if (exists(candidate)) return candidate;
    }
  }
  return null;
}

/** The `campaignlint.path` setting made absolute: `~`, `${workspaceFolder}`, relative to the first folder. */
function expandSetting(setting, { workspaceFolders, platform, home }) {
  const p = platform === 'win32' ? nodePath.win32 : nodePath.posix;
  let value = setting.trim();
  const folder = workspaceFolders[0];
  if (folder) value = value.replaceAll('${workspaceFolder}', folder);
  value = value.replace(/^\$\{userHome\}/, home);
  if (value === '~' || value.startsWith('~/') || (platform === 'win32' && value.startsWith('~\\'))) {
    value = p.join(home, value.slice(1));
  }
  const bare = !value.includes('/') && !(platform === 'win32' && value.includes('\\'));
  if (bare) return { value, bare: true };
  if (!p.isAbsolute(value) && folder) value = p.join(folder, value);
  return { value, bare: false };
}

/** The options of child_process.spawn for `command`: Windows runs .cmd and .bat files through the shell only. */
function spawnOptions(command, { platform = process.platform, cwd } = {}) {
  const options = {};
  if (cwd) options.cwd = cwd;
  if (platform === 'win32' && /\.(cmd|bat)$/i.test(command)) options.shell = true;
  return options;
}

/**
 * Finds the server. Returns { command, args, source } where source says how it was found
 * ('setting', 'venv' or 'path'), or { error } with a message for the user.
 *
 * settings: { path: string, args: string[] } (campaignlint.path and campaignlint.args)
 * workspaceFolders: absolute folder paths, in the workspace's order
 */
function findServer({
  settings = {},
  workspaceFolders = [],
  platform = process.platform,
  env = process.env,
  home = os.homedir(),
  exists = (file) => isExecutable(file, platform),
} = {}) {
  const extra = Array.isArray(settings.args) ? settings.args.filter((a) => typeof a === 'string') : [];
  const args = ['lsp', ...extra];
  const setting = typeof settings.path === 'string' ? settings.path : '';

  if (setting.trim()) {
    const { value, bare } = expandSetting(setting, { workspaceFolders, platform, home });
    const command = bare ? onPath(value, { platform, env, exists }) : (exists(value) ? value : null);
    if (command) return { command, args, source: 'setting' };
    return {
      error: bare
        ? `campaignlint.path is “${setting}”, but no program of that name is on the PATH.`
        : `campaignlint.path is “${setting}”, but there is no program at ${value}.`,
    };
  }

  for (const folder of workspaceFolders) {
    const candidate = venvScript(folder, platform);
    if (exists(candidate)) return { command: candidate, args, source: 'venv' };
  }

  const found = onPath('campaignlint', { platform, env, exists });
  if (found) return { command: found, args, source: 'path' };

  const venvs = workspaceFolders.map((folder) => venvScript(folder, platform));
  return {
    error: 'campaignlint was not found'
      + (venvs.length ? ` (neither in ${venvs.join(', ')} nor on the PATH)` : ' on the PATH')
      + '. Install it (for example `pipx install campaignlint`, or `pip install campaignlint` in the project’s'
      + ' .venv), or set campaignlint.path in the settings.',
  };
}

module.exports = { findServer, spawnOptions, isExecutable, venvScript, onPath, expandSetting };
