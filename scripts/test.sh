#!/usr/bin/env bash
# The whole test suite on a fresh machine: gets pnpm and the dependencies itself,
# then runs the formatter/linter check, the type checks and every package's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  npm install --global pnpm@10.34.9 --no-fund --no-audit
fi
pnpm install --frozen-lockfile
rm -f packages/*/test-results.json apps/*/test-results.json
pnpm run ci
