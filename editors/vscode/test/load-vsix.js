// node test/load-vsix.js FOLDER: loads the extension from an unpacked .vsix, as the extension host
// would (with a stand-in for the `vscode` module), so a missing runtime dependency shows up.
// Prints the extension's exports as JSON.
'use strict';

const Module = require('node:module');
const path = require('node:path');

const handler = {
  get: (target, prop) => (prop in target ? target[prop] : (target[prop] = new Proxy(class Stub {}, handler))),
};
const vscode = new Proxy(class VSCode {}, handler);
const load = Module._load;
Module._load = function stubbed(request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const root = path.resolve(process.argv[2], 'extension');
const manifest = require(path.join(root, 'package.json'));
const extension = require(path.join(root, manifest.main));
const client = require.resolve('vscode-languageclient/node', { paths: [path.dirname(path.join(root, manifest.main))] });
if (!client.startsWith(root + path.sep)) throw new Error(`vscode-languageclient came from outside the .vsix: ${client}`);
console.log(JSON.stringify(Object.keys(extension).sort()));
