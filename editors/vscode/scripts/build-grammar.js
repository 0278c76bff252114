#!/usr/bin/env node
// Writes syntaxes/camp.tmLanguage.json, the TextMate grammar of .camp files.
//
// The keyword lists below follow the language reference (v1 and the v2
// additions of §6-§7) and the schema (src/campaignlint/schema.py); the literal
// patterns follow grammar/camp.lark. Edit this file, then `npm run grammar`;
// test/grammar.test.js fails when the committed JSON is not what this writes.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// Keywords that open a named (or, for `voice`, unnamed) definition or block.
const DECLARATIONS = [
  'brand', 'campaign', 'channel', 'segment', 'rule', 'objective', 'offer', 'message', 'variant',
  'voice', // v1
  'variable', 'event', 'asset', 'placement', // v2
];
// Asset blocks take a path string: `image "visuels/x.png" { … }` (v2).
const ASSETS = ['image', 'video', 'thumbnail'];

// Two-word keywords: the first word, then the words that may follow it.
const TWO_WORDS = {
  max: ['exclamations', 'emoji', 'hashtags', 'mentions', 'links', 'segments', 'headlines', 'length', 'size', 'alt'],
  merge: ['tags'],
  send: ['window', 'days'],
  skip: ['holidays'],
  reference: ['price'],
  after: ['event', 'message'],
};
// `limit FIELD N`, `recommend FIELD A .. B`: the second word names a text field.
const FIELD_KEYWORDS = ['limit', 'recommend'];
// Ratios are read only where the attribute says so (`16:10` is otherwise a time).
const RATIO_KEYWORDS = ['ratio', 'ratios'];

const ATTRIBUTES = [
  // brand, voice
  'max', 'name', 'language', 'website', 'tone', 'address', 'prefer', 'avoid', 'readability', 'accept',
  // channel profiles
  'kind', 'counting', 'require', 'opt_out', 'quiet_hours', 'quiet_days', 'stages', 'utm_source', 'utm_medium', 'gsm',
  'budget', 'tier', 'owner',
  // segment
  'persona', 'description', 'size', 'channels',
  // campaign
  'theme', 'theme_keywords', 'period', 'timezone', 'attribution', 'funnel', 'clv', 'margin', 'target_cpa',
  // objective
  'text', 'metric', 'baseline', 'target', 'deadline', 'within', 'kpi', 'stage',
  // offer
  'discount', 'code', 'price', 'starts', 'ends', 'landing', 'terms',
  // message and its copy
  'segments', 'at', 'subject', 'preheader', 'title', 'headline', 'body', 'cta', 'sender', 'link',
  // custom rules
  'severity', 'fields', 'forbid', 'pattern', 'require_pattern', 'max_length', 'suggest',
  // v2: variables
  'may_be_empty', 'fallback', 'alias',
  // v2: assets
  'alt', 'width', 'height', 'duration', 'captions', 'retouched', 'generated',
  // v2: consent, frequency
  'consent', 'relationship', 'market', 'frequency',
  // v2: journeys
  'trigger', 'unless',
  // v2: packs
  'packs', 'category', 'footer', 'unsubscribe', 'influencer', 'terms_link',
];

// Closed vocabularies: the words an attribute accepts as its value.
const CONSTANTS = [
  'yes', 'no',
  'formal', 'informal', 'any',
  'social', 'email', 'sms', 'ads', 'push', 'web', 'chat', 'video', 'print', 'voice',
  'chars', 'graphemes', 'utf16', 'twitter', 'gsm', 'width',
  'proven', 'emerging', 'experimental',
  'first_click', 'last_click', 'linear', 'time_decay', 'u_shaped', 'data_driven',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'awareness', 'consideration', 'conversion', 'loyalty', 'attention', 'interest', 'desire', 'action',
  'error', 'warning', 'info',
  'opt_out', 'unsubscribe',
  // v2
  'opt-in', 'double-opt-in', 'soft-opt-in', 'legitimate-interest', 'opt_in', 'double_opt_in', 'soft_opt_in',
  'legitimate_interest', 'none',
  'prospects', 'customers', 'mixed', 'b2c', 'b2b',
  'liquid', 'mailchimp', 'hubspot', 'brevo', 'sfmc',
  'required', 'recommended', 'optional', 'platform', 'landing',
  'alcohol', 'food', 'credit', 'gambling', 'financial', 'health', 'other',
  'day', 'week', 'month',
];
// Text fields, as values: `require subject, cta`, `fields body, headline`.
const FIELDS = ['subject', 'preheader', 'title', 'headline', 'description', 'body', 'cta', 'sender', 'link'];
const OPERATOR_WORDS = ['over', 'per']; // prefer "X" over "Y"; frequency email 3 per week

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
// A value word: dotted references (instagram.followers) and hyphenated words (opt-in, fr-legal).
const WORD = `${NAME}(?:[.-][A-Za-z0-9_]+)*`;
const NOT_WORD_BEFORE = '(?<![A-Za-z0-9_.-])';
const NOT_WORD_AFTER = '(?![A-Za-z0-9_-]|\\.[A-Za-z_])';
// Not inside a word or after a decimal point; `30..60` is still two numbers.
const NOT_NUMBER_BEFORE = '(?<![A-Za-z0-9_])(?<![^.]\\.)';
// A statement starts a line, or follows `{`, `}` or `;`.
const STATEMENT_START = '(?:^|(?<=[{};]))[ \\t]*';

function words(list) {
  const unique = [...new Set(list)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?:${unique.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})`;
}

const NUMBER = '[+-]?\\d[\\d_]*(?:\\.\\d+)?';
const DURATION_UNITS = '(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)';
const SIZE_UNITS = '(?:KiB|MiB|GiB|KB|MB|GB|B)';

function statement(beginKeyword, captures, name, extra = []) {
  return {
    name,
    begin: STATEMENT_START + beginKeyword,
    beginCaptures: captures,
    end: '(?=[{};])|$',
    patterns: [...extra, { include: '#values' }],
  };
}

const grammar = {
  name: 'Campaign',
  scopeName: 'source.campaign',
  fileTypes: ['camp'],
  comment: 'Generated by scripts/build-grammar.js: edit that file, not this one.',
  patterns: [{ include: '#statements' }],
  repository: {
    statements: {
      patterns: [
        { include: '#comment' },
        { include: '#block' },
        { match: ';', name: 'punctuation.terminator.statement.campaign' },
        { include: '#import' },
        { include: '#asset' },
        { include: '#declaration' },
        { include: '#two-words' },
        { include: '#field-keyword' },
        { include: '#ratio-attribute' },
        { include: '#attribute' },
        { include: '#unknown-keyword' },
        { include: '#values' },
      ],
    },
    block: {
      name: 'meta.block.campaign',
      begin: '\\{',
      beginCaptures: { 0: { name: 'punctuation.section.block.begin.campaign' } },
      end: '\\}',
      endCaptures: { 0: { name: 'punctuation.section.block.end.campaign' } },
      patterns: [{ include: '#statements' }],
    },
    import: statement(
      `(import)${NOT_WORD_AFTER}`,
      { 1: { name: 'keyword.control.import.campaign' } },
      'meta.import.campaign',
    ),
    declaration: statement(
      `(${words(DECLARATIONS)})${NOT_WORD_AFTER}(?:[ \\t]+(${WORD})${NOT_WORD_AFTER})?`,
      { 1: { name: 'storage.type.campaign' }, 2: { name: 'entity.name.type.campaign' } },
      'meta.definition.campaign',
    ),
    asset: statement(
      `(${words(ASSETS)})${NOT_WORD_AFTER}`,
      { 1: { name: 'storage.type.asset.campaign' } },
      'meta.definition.asset.campaign',
    ),
    'two-words': {
      patterns: Object.entries(TWO_WORDS).map(([first, seconds]) => statement(
        `(${first}[ \\t]+${words(seconds)})${NOT_WORD_AFTER}`,
        { 1: { name: 'keyword.other.attribute.campaign' } },
        'meta.attribute.campaign',
      )),
    },
    'field-keyword': statement(
      `(${words(FIELD_KEYWORDS)})${NOT_WORD_AFTER}(?:[ \\t]+(${NAME})${NOT_WORD_AFTER})?`,
      { 1: { name: 'keyword.other.attribute.campaign' }, 2: { name: 'variable.parameter.field.campaign' } },
      'meta.attribute.campaign',
    ),
    'ratio-attribute': statement(
      `(${words(RATIO_KEYWORDS)})${NOT_WORD_AFTER}`,
      { 1: { name: 'keyword.other.attribute.campaign' } },
      'meta.attribute.campaign',
      [{ include: '#ratio' }],
    ),
    attribute: statement(
      `(${words(ATTRIBUTES)})${NOT_WORD_AFTER}`,
      { 1: { name: 'keyword.other.attribute.campaign' } },
      'meta.attribute.campaign',
    ),
    // Not a keyword of the language (campaignlint reports it, E002): not coloured as one.
    'unknown-keyword': statement(
      `(${WORD})${NOT_WORD_AFTER}`,
      { 1: { name: 'variable.other.unknown-keyword.campaign' } },
      'meta.attribute.campaign',
    ),
    values: {
      patterns: [
        { include: '#comment' },
        { include: '#continuation' },
        { include: '#long-string' },
        { include: '#string' },
        { include: '#datetime' },
        { include: '#date' },
        { include: '#decimal-ratio' },
        { include: '#time' },
        { include: '#duration' },
        { include: '#file-size' },
        { include: '#money' },
        { include: '#percent' },
        { include: '#number' },
        { match: '\\.\\.', name: 'keyword.operator.range.campaign' },
        { match: ',', name: 'punctuation.separator.comma.campaign' },
        { match: `${NOT_WORD_BEFORE}${words(OPERATOR_WORDS)}${NOT_WORD_AFTER}`, name: 'keyword.operator.word.campaign' },
        { match: `${NOT_WORD_BEFORE}${words(CONSTANTS)}${NOT_WORD_AFTER}`, name: 'constant.language.campaign' },
        { match: `${NOT_WORD_BEFORE}${words(FIELDS)}${NOT_WORD_AFTER}`, name: 'variable.parameter.field.campaign' },
        { match: `${NOT_WORD_BEFORE}${WORD}${NOT_WORD_AFTER}`, name: 'variable.other.campaign' },
      ],
    },
    // A newline right after a comma, or a backslash at the end of a line, continues the statement.
    continuation: {
      patterns: [
        {
          begin: '(,)[ \\t]*(?=#|\\r?$)',
          beginCaptures: { 1: { name: 'punctuation.separator.comma.campaign' } },
          end: '(?=[^\\s#])',
          patterns: [{ include: '#comment' }],
        },
        {
          begin: '(\\\\)(?=\\r?$)',
          beginCaptures: { 1: { name: 'punctuation.separator.continuation.line.campaign' } },
          end: '^(?=[ \\t]*\\S)',
        },
      ],
    },
    comment: {
      name: 'comment.line.number-sign.campaign',
      begin: '#',
      beginCaptures: { 0: { name: 'punctuation.definition.comment.campaign' } },
      end: '(?=\\r?$)',
      patterns: [
        {
          match: '(?i)(noqa)(?:[ \\t]*(:)[ \\t]*([A-Za-z0-9_-]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9_-]+)*))?',
          captures: {
            1: { name: 'keyword.other.noqa.campaign' },
            2: { name: 'punctuation.separator.key-value.campaign' },
            3: {
              name: 'meta.noqa.codes.campaign',
              patterns: [
                { match: '[A-Za-z0-9_-]+', name: 'constant.other.rule-code.campaign' },
                { match: ',', name: 'punctuation.separator.comma.campaign' },
              ],
            },
          },
        },
      ],
    },
    'long-string': {
      name: 'string.quoted.triple.campaign',
      begin: '"""',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.campaign' } },
      end: '"""',
      endCaptures: { 0: { name: 'punctuation.definition.string.end.campaign' } },
      patterns: [
        { match: '\\\\\\r?$', name: 'constant.character.escape.line-continuation.campaign' },
        { include: '#escape' },
        { include: '#merge-tag' },
      ],
    },
    string: {
      name: 'string.quoted.double.campaign',
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.campaign' } },
      // A text stays on one line: an unclosed quote ends at the line end (campaignlint reports it).
      end: '(")|(?=\\r?$)',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.campaign' } },
      patterns: [{ include: '#escape' }, { include: '#merge-tag' }],
    },
    escape: {
      patterns: [
        { match: '\\\\(?:["\\\\nrt]|u\\{[0-9A-Fa-f]{1,6}\\})', name: 'constant.character.escape.campaign' },
        { match: '\\\\.', name: 'invalid.illegal.unknown-escape.campaign' },
      ],
    },
    // Merge tags of the sending platforms (language reference §6.3): Liquid, HubSpot and Brevo `{{ … }}`
    // and `{% … %}`, Mailchimp `*|FNAME|*`, Salesforce Marketing Cloud `%%FirstName%%` and AMPscript.
    'merge-tag': {
      patterns: [
        { match: '\\{\\{(?:[^"\\\\}]|\\\\.|\\}(?!\\}))*\\}\\}', name: 'variable.other.merge-tag.campaign' },
        { match: '\\{%(?:[^"\\\\%]|\\\\.|%(?!\\}))*%\\}', name: 'variable.other.merge-tag.campaign' },
        { match: '\\*\\|[A-Za-z0-9_:]+\\|\\*', name: 'variable.other.merge-tag.campaign' },
        { match: '%%(?:\\[[^"]*?\\]|=[^"]*?=|[A-Za-z_][A-Za-z0-9_]*)%%', name: 'variable.other.merge-tag.campaign' },
      ],
    },
    datetime: {
      match: `${NOT_NUMBER_BEFORE}\\d{4}-\\d{2}-\\d{2}(?:T|[ \\t]+)\\d{1,2}:\\d{2}(?::\\d{2})?(?![\\d:])`,
      name: 'constant.numeric.datetime.campaign',
    },
    date: {
      match: `${NOT_NUMBER_BEFORE}\\d{4}-\\d{2}-\\d{2}(?![\\d-])`,
      name: 'constant.numeric.date.campaign',
    },
    time: {
      match: `${NOT_NUMBER_BEFORE}\\d{1,2}:\\d{2}(?::\\d{2})?(?![\\d:])`,
      name: 'constant.numeric.time.campaign',
    },
    // `4:5`, `9:16`, `1.91:1` where a ratio is expected.
    ratio: {
      match: `${NOT_NUMBER_BEFORE}\\d+(?:\\.\\d+)?:\\d+(?:\\.\\d+)?(?![\\d:.])`,
      name: 'constant.numeric.ratio.campaign',
    },
    // A decimal ratio (`1.91:1`) cannot be a time, whatever the attribute.
    'decimal-ratio': {
      match: `${NOT_NUMBER_BEFORE}(?:\\d+\\.\\d+:\\d+(?:\\.\\d+)?|\\d+:\\d+\\.\\d+)(?![\\d:.])`,
      name: 'constant.numeric.ratio.campaign',
    },
    duration: {
      match: `${NOT_NUMBER_BEFORE}(\\d+(?:\\.\\d+)?)[ \\t]*(${DURATION_UNITS})(?![A-Za-z0-9_])`,
      name: 'constant.numeric.duration.campaign',
      captures: { 2: { name: 'keyword.other.unit.duration.campaign' } },
    },
    'file-size': {
      match: `${NOT_NUMBER_BEFORE}(\\d+(?:\\.\\d+)?)[ \\t]*(${SIZE_UNITS})(?![A-Za-z0-9_])`,
      name: 'constant.numeric.file-size.campaign',
      captures: { 2: { name: 'keyword.other.unit.file-size.campaign' } },
    },
    money: {
      match: `${NOT_NUMBER_BEFORE}(${NUMBER})(?:[ \\t]*([€$£])|[ \\t]+([A-Z]{3})(?![A-Za-z0-9_])`
        + '|((?:EUR|USD|GBP|CHF|CAD|JPY|AUD))(?![A-Za-z0-9_]))',
      name: 'constant.numeric.money.campaign',
      captures: {
        2: { name: 'keyword.other.unit.currency.campaign' },
        3: { name: 'keyword.other.unit.currency.campaign' },
        4: { name: 'keyword.other.unit.currency.campaign' },
      },
    },
    percent: {
      match: `${NOT_NUMBER_BEFORE}(${NUMBER})[ \\t\\x{00A0}\\x{202F}]*(%)`,
      name: 'constant.numeric.percent.campaign',
      captures: { 2: { name: 'keyword.other.unit.percent.campaign' } },
    },
    number: {
      match: `${NOT_NUMBER_BEFORE}${NUMBER}(?![\\dA-Za-z_])`,
      name: 'constant.numeric.campaign',
    },
  },
};

const target = path.join(__dirname, '..', 'syntaxes', 'camp.tmLanguage.json');
const text = `${JSON.stringify(grammar, null, 2)}\n`;
if (require.main === module) {
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
module.exports = { grammar, text, target, DECLARATIONS, ASSETS, TWO_WORDS, ATTRIBUTES, CONSTANTS, FIELDS };
