#!/usr/bin/env bash
# The quick-start demo on a fresh machine with only Node.js and npm: gets pnpm and the
# dependencies itself, then runs `crm demo` (an embedded PostgreSQL, a seeded 24-month CRM
# history written through command handling, the read models, and what they answer).
# Arguments go to `crm demo`, e.g. `bash scripts/demo.sh --customers 500 --seed 7`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != 10.* ]]; then
  npm install --global pnpm@10.34.9 --no-fund --no-audit
fi
pnpm install --frozen-lockfile
exec node apps/cli/bin/crm.mjs demo "$@"
