// The TextMate grammar, tokenised as VS Code does (vscode-textmate + Oniguruma).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { tokenize, render, exampleFiles, snapshotPath, REPO, EXTENSION } = require('./tokenize');
const built = require('../scripts/build-grammar');

const FIXTURE = path.join(__dirname, 'fixtures', 'literals.camp');

test('the committed grammar is what scripts/build-grammar.js writes (run `npm run grammar`)', () => {
  assert.equal(fs.readFileSync(built.target, 'utf8'), built.text);
});

test('package.json registers the grammar and the language configuration for .camp files', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
  const [language] = manifest.contributes.languages;
  assert.deepEqual([language.id, language.extensions], ['campaign', ['.camp']]);
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.scopeName, JSON.parse(fs.readFileSync(built.target, 'utf8')).scopeName);
  assert.ok(fs.existsSync(path.join(EXTENSION, grammar.path)));
  assert.ok(fs.existsSync(path.join(EXTENSION, language.configuration)));
  assert.deepEqual(manifest.activationEvents, ['onLanguage:campaign']);
});

const files = exampleFiles();

test('the snapshots cover every example, and only them', () => {
  assert.ok(files.length >= 10, `only ${files.length} examples found`);
  for (const name of ['examples/verdure/ete.camp', 'rules/channels.camp', 'tests/data/examples/v2/noel_fournil.camp']) {
    assert.ok(files.includes(name), `${name} is not tokenised`);
  }
  const snapshots = [];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else snapshots.push(full);
  });
  walk(path.join(__dirname, 'snapshots'));
  assert.deepEqual(snapshots.sort(), files.map(snapshotPath).sort(), 'run `npm run snapshots` and review the diff');
});

for (const relative of files) {
  test(`tokens of ${relative} match test/snapshots/${relative}.scopes`, async () => {
    const actual = render(await tokenize(fs.readFileSync(path.join(REPO, relative), 'utf8')));
    const expected = fs.readFileSync(snapshotPath(relative), 'utf8');
    assert.equal(actual, expected, `${relative} tokenises differently: if that is intended, run \`npm run snapshots\``);
  });
}

test('every keyword written in the examples is known to the grammar', async () => {
  const unknown = new Set();
  for (const relative of files) {
    for (const { tokens } of await tokenize(fs.readFileSync(path.join(REPO, relative), 'utf8'))) {
      for (const token of tokens) {
        if (token.scopes.some((s) => s.startsWith('variable.other.unknown-keyword'))) unknown.add(`${relative}: ${token.text}`);
        if (token.scopes.some((s) => s.startsWith('invalid'))) unknown.add(`${relative}: invalid ${token.text}`);
      }
    }
  }
  assert.deepEqual([...unknown], []);
});

// ------------------------------------------------------------ the corners, one by one

let fixture;
async function lines() {
  fixture ??= await tokenize(fs.readFileSync(FIXTURE, 'utf8'));
  return fixture;
}

/** The innermost scope of the token `text` on the first line that contains `where` (after `after`, if given). */
async function scope(where, text, { after = '', all = false } = {}) {
  const found = (await lines()).find(({ line }) => line.includes(where));
  assert.ok(found, `no line with ${where}`);
  const start = found.line.indexOf(after) + after.length;
  let offset = 0;
  for (const token of found.tokens) {
    if (offset >= start && token.text.trim() === text) return all ? token.scopes : token.scopes.at(-1);
    offset += token.text.length;
  }
  assert.fail(`no token ${JSON.stringify(text)} on ${JSON.stringify(found.line)}: `
    + JSON.stringify(found.tokens.map((t) => t.text)));
}

test('comments, and the codes of a noqa comment', async () => {
  const first = (await lines())[0].tokens;
  assert.deepEqual(first.map((t) => t.scopes.at(-1)),
    ['punctuation.definition.comment.campaign', 'comment.line.number-sign.campaign']);
  assert.ok(first[1].text.endsWith('# not a second comment'));
  assert.equal(await scope('brand demo', 'noqa'), 'keyword.other.noqa.campaign');
  assert.equal(await scope('brand demo', 'B001'), 'constant.other.rule-code.campaign');
  assert.equal(await scope('brand demo', 'T005'), 'constant.other.rule-code.campaign');
  assert.equal(await scope('segment clients', 'NOQA'), 'keyword.other.noqa.campaign');
  assert.equal(await scope('Soldes # pas', 'Soldes # pas un commentaire'), 'string.quoted.double.campaign');
});

test('keywords, names and the statements of a block on one line', async () => {
  assert.equal(await scope('import', 'import'), 'keyword.control.import.campaign');
  assert.equal(await scope('campaign soldes', 'campaign'), 'storage.type.campaign');
  assert.equal(await scope('campaign soldes', 'soldes'), 'entity.name.type.campaign');
  assert.equal(await scope('campaign soldes', 'name'), 'keyword.other.attribute.campaign');
  assert.equal(await scope('campaign soldes', 'language'), 'keyword.other.attribute.campaign');
  assert.equal(await scope('campaign soldes', 'fr'), 'variable.other.campaign');
  assert.equal(await scope('max exclamations', 'max exclamations'), 'keyword.other.attribute.campaign');
  assert.equal(await scope('send window', 'send window'), 'keyword.other.attribute.campaign');
  assert.equal(await scope('after event', 'after event'), 'keyword.other.attribute.campaign');
  assert.equal(await scope('prefer', 'over'), 'keyword.operator.word.campaign');
  assert.equal(await scope('limit headline', 'headline'), 'variable.parameter.field.campaign');
  assert.equal(await scope('require subject', 'cta'), 'variable.parameter.field.campaign');
  assert.equal(await scope('metric', 'instagram.followers'), 'variable.other.campaign');
  assert.equal(await scope('frequency', 'frequency'), 'keyword.other.attribute.campaign');
  assert.equal(await scope('frequency', 'per'), 'keyword.operator.word.campaign');
  assert.equal(await scope('consent', 'double-opt-in'), 'constant.language.campaign');
  assert.equal(await scope('consent', 'opt-in'), 'constant.language.campaign');
  assert.equal(await scope('packs', 'fr-legal'), 'variable.other.campaign');
  // a misspelt keyword is not coloured as a keyword (campaignlint reports E002)
  assert.equal(await scope('chanel', 'chanel'), 'variable.other.unknown-keyword.campaign');
});

test('a list wrapped after a comma (or a backslash) goes on: its next line holds values, not keywords', async () => {
  assert.equal(await scope('  warm,', 'warm'), 'variable.other.campaign');
  assert.equal(await scope('playful', 'playful'), 'variable.other.campaign');
  assert.equal(await scope('a comment after', 'a comment after a wrapped list'), 'comment.line.number-sign.campaign');
  assert.equal(await scope('    conversion', 'conversion'), 'constant.language.campaign');
  // and the statement after the list starts with a keyword again
  assert.equal(await scope('prefer', 'prefer'), 'keyword.other.attribute.campaign');
  assert.equal(await scope('objective abonnes', 'objective'), 'storage.type.campaign');
});

test('numbers, money, percents, dates, times, durations, sizes, ratios', async () => {
  const numeric = [
    ['budget', '34.90 EUR', 'money'], ['clv', '50_000€', 'money'], ['target_cpa', '1200 USD', 'money'],
    ['margin', '-5.5%', 'percent'], ['target +20%', '+20%', 'percent'], ['baseline', '12_000', ''],
    ['period', '2027-06-01', 'date'], ['at 2027', '2027-06-02T09:00', 'datetime'], ['send window', '20:00', 'time'],
    ['within', '3 months', 'duration'], ['after event', '1.5 hours', 'duration'], ['duration ..', '60 seconds', 'duration'],
    ['image', '1.2 MB', 'file-size'], ['max size', '4 GiB', 'file-size'],
    ['image', '16:10', 'ratio'], ['ratios', '1.91:1', 'ratio'], ['ratios', '4:5', 'ratio'],
    ['quiet_hours', '22:00', 'time'], ['quiet_hours', '08:00', 'time'], ['recommend body', '30', ''], ['recommend body', '60', ''],
  ];
  for (const [where, literal, kind] of numeric) {
    const line = (await lines()).find((l) => l.line.includes(where));
    const start = line.line.indexOf(literal);
    assert.ok(start >= 0, `${literal} not on ${line.line}`);
    let offset = 0;
    const covering = line.tokens.filter((t) => {
      const inside = offset >= start && offset < start + literal.length;
      offset += t.text.length;
      return inside;
    });
    const expected = kind ? `constant.numeric.${kind}.campaign` : 'constant.numeric.campaign';
    assert.equal(covering.map((t) => t.text).join(''), literal, `${literal} is not its own token(s)`);
    for (const t of covering) assert.ok(t.scopes.includes(expected), `${literal} → ${t.scopes.join(' ')}, not ${expected}`);
  }
  assert.equal(await scope('budget', 'EUR'), 'keyword.other.unit.currency.campaign');
  assert.equal(await scope('margin', '%'), 'keyword.other.unit.percent.campaign');
  assert.equal(await scope('period', '..'), 'keyword.operator.range.campaign');
  assert.equal(await scope('quiet_hours', '..'), 'keyword.operator.range.campaign');
});

test('strings: escapes, an unknown escape, a string left open at the line end, merge tags', async () => {
  for (const escape of ['\\"', '\\\\', '\\n', '\\t', '\\u{1F331}']) {
    assert.equal(await scope('theme_keywords', escape), 'constant.character.escape.campaign', escape);
  }
  assert.equal(await scope('theme_keywords', '\\q'), 'invalid.illegal.unknown-escape.campaign');
  assert.equal(await scope('terms "sans fin', 'sans fin'), 'string.quoted.double.campaign');
  assert.equal(await scope('packs fr-legal', 'packs'), 'keyword.other.attribute.campaign');
  for (const tag of ['{{ first_name | default: \\"ami\\" }}', '*|FNAME|*', '%%FirstName%%', '{% if x %}']) {
    assert.equal(await scope('subject', tag), 'variable.other.merge-tag.campaign', tag);
  }
  assert.equal(await scope('alt ""', '"', { after: 'alt ' }), 'punctuation.definition.string.begin.campaign');
});

test('a long string spans lines, keeps quotes, escapes and # as text, and ends at """', async () => {
  const scopes = await scope('Une ligne', 'Une ligne avec "des guillemets" et "" deux,', { all: true });
  assert.equal(scopes.at(-1), 'string.quoted.triple.campaign');
  assert.equal(await scope('un \\t', '\\t'), 'constant.character.escape.campaign');
  assert.equal(await scope('un \\t', '\\u{2728}'), 'constant.character.escape.campaign');
  assert.equal(await scope('un \\t', ', puis # pas un commentaire.'), 'string.quoted.triple.campaign');
  assert.equal(await scope('image "visuels', 'image'), 'storage.type.asset.campaign');
});
