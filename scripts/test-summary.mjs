// Adds up the JSON reports every package's vitest run leaves behind and prints the suite's
// closing line, so one line states how many tests passed and failed across the repo.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, 'test-results.json');
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const pending = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += pending;
    rows.push(
      `${`${group}/${name}`.padEnd(40)} ${String(report.numPassedTests).padStart(5)} passed  ${String(report.numFailedTests).padStart(3)} failed  ${String(pending).padStart(3)} skipped`,
    );
  }
}
console.log(rows.join('\n'));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
