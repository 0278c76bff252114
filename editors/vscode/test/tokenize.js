// Tokenises .camp text with the extension's TextMate grammar, as VS Code does
// (vscode-textmate with the Oniguruma regular-expression engine).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const EXTENSION = path.resolve(__dirname, '..');
const REPO = path.resolve(EXTENSION, '..', '..');
const GRAMMAR = path.join(EXTENSION, 'syntaxes', 'camp.tmLanguage.json');
const SCOPE = 'source.campaign';

let grammarPromise;

function loadGrammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength))
      .then(() => ({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text) => new oniguruma.OnigString(text),
      }));
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => (scopeName === SCOPE
        ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR)
        : null),
    });
    grammarPromise = registry.loadGrammar(SCOPE);
  }
  return grammarPromise;
}

/** Every line of `text` as { line, tokens: [{ text, scopes }] }; scopes without the root scope. */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let stack = vsctm.INITIAL;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return {
      line,
      tokens: result.tokens.map((t) => ({
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes.filter((s) => s !== SCOPE),
      })),
    };
  });
}

/** The snapshot text: each line, then one row per token that is not only blank space. */
function render(lines) {
  const out = [];
  lines.forEach(({ line, tokens }, index) => {
    out.push(`${index + 1}: ${line}`);
    for (const token of tokens) {
      if (!token.text.trim()) continue;
      out.push(`  ${JSON.stringify(token.text)} ${token.scopes.map((s) => s.replace(/\.campaign$/, "")).join(" ") || "-"}`);
    }
  });
  return `${out.join('\n')}\n`;
}

/** The .camp files the snapshots cover: the examples, the spec examples copied for the tests, the channel profiles. */
function exampleFiles() {
  const roots = ['examples', 'rules', ...fs.readdirSync(path.join(REPO, 'tests', 'data'))
    .filter((name) => name.startsWith('examples'))
    .map((name) => path.join('tests', 'data', name))];
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith('.camp')) found.push(relative.split(path.sep).join('/'));
    }
  };
  roots.filter((root) => fs.existsSync(path.join(REPO, root))).forEach(walk);
  return found.sort();
}

function snapshotPath(relative) {
  return path.join(EXTENSION, 'test', 'snapshots', `${relative}.scopes`);
}

module.exports = { tokenize, render, exampleFiles, snapshotPath, REPO, EXTENSION };
