#!/usr/bin/env bash
# Builds campaignlint-<version>.vsix in this folder with @vscode/vsce.
# Offline apart from `npm ci` (the npm registry): nothing is published.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
# The grammar must be the one scripts/build-grammar.js writes.
node -e 'const g = require("./scripts/build-grammar"); const fs = require("fs");
  if (fs.readFileSync(g.target, "utf8") !== g.text) { console.error("syntaxes/ is stale: run npm run grammar"); process.exit(1); }'
version=$(node -p 'require("./package.json").version')
out="campaignlint-$version.vsix"
rm -f "$out"
npx --no-install vsce package --allow-missing-repository --out "$out" < /dev/null
echo "built editors/vscode/$out"
