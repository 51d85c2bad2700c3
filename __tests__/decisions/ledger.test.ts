/** The ledger's pure rules and its file handling (gate/ledger.ts): counting, re-runs, warnings, bad files. */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CI, DEFAULT_COLUMNS, type GateConfig } from '../../src/config/types.js';
import { emptyLedger, ledgerText, parseLedger, recordRun, reuseWarning } from '../../src/core/ledger.js';
import { resolveInside } from '../../src/gate/containment.js';
import { actionRunKey, cliRunKey, updateLedger } from '../../src/gate/ledger.js';

const FP = 'sha256:' + 'a'.repeat(64);

test('one entry per run id and attempt; a repeated key adds nothing', () => {
  let l = emptyLedger();
  const add = (run: string, attempt: number) => {
    const r = recordRun(l, FP, { run, attempt, at: 't' });
    l = r.ledger;
    return [r.runs, r.counted];
  };
  expect(add('1', 1)).toEqual([1, true]);
  expect(add('1', 1)).toEqual([1, false]);
  expect(add('1', 2)).toEqual([2, true]);
  expect(add('2', 1)).toEqual([3, true]);
  expect(recordRun(l, 'sha256:other', { run: '1', attempt: 1, at: 't' }).runs).toBe(1);
  expect(parseLedger(ledgerText(l))).toEqual(l);
});

test('warns only past the maximum, on that run and every later one', () => {
  expect(reuseWarning(3, 3, FP)).toBeNull();
  expect(reuseWarning(4, 3, FP)).toMatch(/gated on 4 times, more than max_runs_per_test_set \(3\)/);
  expect(reuseWarning(9, 3, FP)).not.toBeNull();
  expect(reuseWarning(100, undefined, FP)).toBeNull();
});

test('a file that is not a ledger says what is wrong', () => {
  expect(() => parseLedger('nope')).toThrow('it is not valid JSON');
  expect(() => parseLedger('[]')).toThrow('it is not a JSON object');
  expect(() => parseLedger('{"version": 2, "test_sets": {}}')).toThrow('its version is 2, not 1');
  expect(() => parseLedger('{"version": 1}')).toThrow('it has no "test_sets" object');
  expect(() => parseLedger('{"version": 1, "test_sets": {"x": [{"run": 1}]}}')).toThrow('test_sets["x"][0] is not {run: string, attempt: integer, at: string}');
});

test('run keys: the action uses run id and attempt, the CLI --run-id or its time', () => {
  expect(actionRunKey({ GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '3' }, 'T')).toEqual({ run: '77', attempt: 3 });
  expect(actionRunKey({ GITHUB_RUN_ID: '77' }, 'T')).toEqual({ run: '77', attempt: 1 });
  expect(actionRunKey({}, 'T')).toEqual({ run: 'cli:T', attempt: 1 });
  expect(cliRunKey('nightly-5', 'T')).toEqual({ run: 'nightly-5', attempt: 1 });
});

describe('updateLedger', () => {
  const ws = () => mkdtempSync(path.join(tmpdir(), 'mg-ledger-unit-'));
  const config = (ledger: string, max?: number): GateConfig => ({
    source: 'gate.yml', version: 1, task: 'binary', artifacts: {}, columns: DEFAULT_COLUMNS, threshold: 0.5, positive_label: '1',
    ci: DEFAULT_CI, policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true }, gates: {},
    ledger, ...(max !== undefined ? { max_runs_per_test_set: max } : {})
  });
  const resolver = (dir: string) => (p: string, origin: string) => resolveInside(dir, dir, p, origin);

  test('creates the file and its directory, and leaves no temporary file behind', async () => {
    const dir = ws();
    const s = await updateLedger(config('state/ledger.json', 1), FP, { run: '1', attempt: 1 }, 'T1', resolver(dir));
    expect(s).toEqual({ file: 'state/ledger.json', runs: 1, max_runs_per_test_set: 1, counted: true, warning: null });
    expect(readdirSync(path.join(dir, 'state'))).toEqual(['ledger.json']);
    const second = await updateLedger(config('state/ledger.json', 1), FP, { run: '2', attempt: 1 }, 'T2', resolver(dir));
    expect(second!.warning).toMatch(/gated on 2 times/);
    expect(JSON.parse(readFileSync(path.join(dir, 'state/ledger.json'), 'utf8')).test_sets[FP]).toEqual([
      { run: '1', attempt: 1, at: 'T1' },
      { run: '2', attempt: 1, at: 'T2' }
    ]);
  });

  test('a corrupt file is a warning and is left untouched', async () => {
    const dir = ws();
    writeFileSync(path.join(dir, 'l.json'), '{"version": 7, "test_sets": {}}');
    const s = await updateLedger(config('l.json', 5), FP, { run: '1', attempt: 1 }, 'T', resolver(dir));
    expect(s!.counted).toBe(false);
    expect(s!.warning).toBe(
      'the ledger l.json (from ledger in gate.yml) is not a model-gate ledger (its version is 7, not 1); fix it or delete it to start counting afresh. ' +
        'It was left as it is, so this run was not counted; the verdict is unchanged'
    );
    expect(readFileSync(path.join(dir, 'l.json'), 'utf8')).toBe('{"version": 7, "test_sets": {}}');
  });

  test('a path outside the workspace or a directory is a warning, not an error', async () => {
    const dir = ws();
    const outside = await updateLedger(config('../elsewhere.json'), FP, { run: '1', attempt: 1 }, 'T', resolver(dir));
    expect(outside!.warning).toMatch(/is outside the workspace.*this run was not counted in the ledger, the verdict is unchanged$/);
    mkdirSync(path.join(dir, 'd'));
    const directory = await updateLedger(config('d'), FP, { run: '1', attempt: 1 }, 'T', resolver(dir));
    expect(directory!.warning).toMatch(/^the ledger d \(from ledger in gate.yml\) cannot be read \(EISDIR\), so this run was not counted/);
  });
});
