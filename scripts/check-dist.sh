#!/usr/bin/env bash
# Fails when the committed dist/ differs from what `npm run package` builds from the sources.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run package >/dev/null
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is not what 'npm run package' builds from src/. Run 'npm run package' and commit dist/:" >&2
  git status --porcelain -- dist >&2
  git --no-pager diff --stat -- dist >&2
  exit 1
fi
echo "dist/ is up to date."
