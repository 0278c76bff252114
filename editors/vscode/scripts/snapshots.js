#!/usr/bin/env node
// Writes test/snapshots/<file>.scopes for every example (`npm run snapshots`),
// after a deliberate change to the grammar or to an example: review the diff.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { tokenize, render, exampleFiles, snapshotPath, REPO } = require('../test/tokenize');

(async () => {
  const files = exampleFiles();
  const root = path.join(__dirname, '..', 'test', 'snapshots');
  fs.rmSync(root, { recursive: true, force: true });
  for (const relative of files) {
    const target = snapshotPath(relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, render(await tokenize(fs.readFileSync(path.join(REPO, relative), 'utf8'))));
  }
  console.log(`wrote ${files.length} snapshots in ${path.relative(process.cwd(), root)}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
