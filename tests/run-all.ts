/**
 * `npm test`: the type check, the unit suite, the extension builds (Chromium, Firefox), then the
 * end-to-end suite (Chromium, and one smoke run in Firefox ESR), in that order. Ends with one line `tests: N passed, N failed` that counts
 * both suites, and exits non-zero if any stage failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const ARTIFACTS = 'tests/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

type Counts = { passed: number; failed: number };
const total: Counts = { passed: 0, failed: 0 };

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function vitest(title: string, config: string, report: string): boolean {
  rmSync(report, { force: true });
  const ok = run(title, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
    total.passed += json.numPassedTests;
    // A suite that failed outside its tests (a hook, an unhandled error) counts as a failure too.
    total.failed += json.numFailedTests + (json.numFailedTests ? 0 : json.numFailedTestSuites) + (!ok && !json.numFailedTests && !json.numFailedTestSuites ? 1 : 0);
  }
  if (!ok && !existsSync(report)) total.failed += 1; // the suite could not even start (e.g. no Chromium)
  return ok;
}

const stages: [string, () => boolean][] = [
  ['type check', () => run('type check', 'npx', ['tsc', '--noEmit', '-p', '.'])],
  ['unit tests', () => vitest('unit tests', 'tests/vitest.unit.config.ts', `${ARTIFACTS}/unit-report.json`)],
  ['build', () => run('build (loopback)', 'npx', ['wxt', 'build', '--mode', 'loopback']) && run('build (loopback, Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'loopback'])],
  ['e2e tests', () => vitest('end-to-end tests (Chromium)', 'tests/e2e/vitest.config.ts', `${ARTIFACTS}/e2e-report.json`)],
];

const failed: string[] = [];
for (const [name, stage] of stages) {
  if (!stage()) {
    failed.push(name);
    if (name === 'type check' || name === 'build') break; // later stages would test stale code
  }
}
console.log(failed.length ? `\nFailed stages: ${failed.join(', ')}` : '\nAll stages passed.');
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
process.exit(failed.length ? 1 : 0);
