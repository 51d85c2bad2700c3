/**
 * The test-set reuse ledger, I/O part: read the configured ledger file, count this run under the test set's
 * fingerprint, write it back atomically (temp file + rename). The ledger never changes the verdict, so every
 * problem with it (a corrupt or unreadable file, a path outside the workspace, a failed write) becomes the
 * status's warning, and a file that cannot be parsed is left exactly as it was.
 */
import { promises as fs } from 'node:fs';
import type { GateConfig } from '../config/types.js';
import { emptyLedger, ledgerText, parseLedger, recordRun, reuseWarning, type Ledger, type LedgerStatus } from '../core/ledger.js';
import { isGateError } from '../base/errors.js';
import { writeFileAtomic } from '../readers/files/files.js';

/** Which run this is: the action's run id and attempt, or the CLI's --run-id (see docs/decisions.md). */
export interface RunKey {
  run: string;
  attempt: number;
}

/** The CLI's key without --run-id: every invocation is a run of its own, named by its time. */
export function cliRunKey(runId: string | undefined, generatedAt: string): RunKey {
  return { run: runId ?? `cli:${generatedAt}`, attempt: 1 };
}

/** The action's key: GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT (a re-run of the same attempt adds nothing). */
export function actionRunKey(env: NodeJS.ProcessEnv, generatedAt: string): RunKey {
  const run = env.GITHUB_RUN_ID?.trim();
  const attempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? '1', 10);
  return run ? { run, attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1 } : cliRunKey(undefined, generatedAt);
}

/**
 * Counts the run in the ledger and reports how many runs this test set has seen. `resolve` checks the configured
 * path against the workspace (containment.ts); its refusal becomes the warning too.
 */
export async function updateLedger(
  config: GateConfig,
  fingerprint: string,
  key: RunKey,
  generatedAt: string,
  resolve: (userPath: string, origin: string) => Promise<string>
): Promise<LedgerStatus | undefined> {
  const shown = config.ledger;
  if (shown === undefined) return undefined;
  const max = config.max_runs_per_test_set;
  const status = (runs: number, counted: boolean, warning: string | null): LedgerStatus => ({
    file: shown,
    runs,
    max_runs_per_test_set: max ?? null,
    counted,
    warning
  });
  const notCounted = (why: string) =>
    status(0, false, `the ledger ${shown} (from ledger in ${config.source}) ${why}, so this run was not counted; the verdict is unchanged`);

  let file: string;
  try {
    file = await resolve(shown, `ledger in ${config.source}`);
  } catch (e) {
    if (!isGateError(e)) throw e;
    return status(0, false, `${e.message.replace(/\.$/, '')}; this run was not counted in the ledger, the verdict is unchanged`);
  }
  let ledger: Ledger;
  let text: string | undefined;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return notCounted(`cannot be read (${code ?? 'unknown error'})`);
  }
  try {
    ledger = text === undefined ? emptyLedger() : parseLedger(text);
  } catch (e) {
    return notCounted(`is not a model-gate ledger (${(e as Error).message}); fix it or delete it to start counting afresh. It was left as it is`);
  }
  const recorded = recordRun(ledger, fingerprint, { ...key, at: generatedAt });
  try {
    if (recorded.counted) await writeFileAtomic(file, ledgerText(recorded.ledger));
  } catch (e) {
    if (!isGateError(e)) throw e;
    return notCounted(`could not be written (${e.message})`);
  }
  return status(recorded.runs, recorded.counted, reuseWarning(recorded.runs, max, fingerprint));
}
