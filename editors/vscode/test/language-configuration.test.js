// language-configuration.json: what VS Code reads for comments, brackets and indentation.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'language-configuration.json'), 'utf8'));

test('the line comment is #, the brackets are braces, quotes and braces close themselves', () => {
  assert.equal(config.comments.lineComment, '#');
  assert.deepEqual(config.brackets, [['{', '}']]);
  assert.deepEqual(config.autoClosingPairs.map((p) => p.open + p.close), ['{}', '""']);
});

test('a line that opens a block indents the next one; a closing brace dedents', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  for (const line of ['campaign soldes {', '  message relance {  ', '  channel sms { # les SMS', 'voice{',
    '  image "visuels/a{b}.png" {']) {
    assert.ok(increase.test(line), `should indent after ${JSON.stringify(line)}`);
  }
  for (const line of ['  name "Soldes {"', '  # campaign {x}', '  body "a" # {', 'channel sms { kind sms }', '}']) {
    assert.ok(!increase.test(line), `should not indent after ${JSON.stringify(line)}`);
  }
  assert.ok(decrease.test('  }'));
  assert.ok(!decrease.test('  name "}"'));
});

test('folding markers are # region / # endregion comments', () => {
  assert.ok(new RegExp(config.folding.markers.start).test('  # region messages'));
  assert.ok(new RegExp(config.folding.markers.end).test('  # endregion'));
});
