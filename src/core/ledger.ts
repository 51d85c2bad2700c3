/**
 * The test-set reuse ledger, pure part: how a ledger file's text becomes runs per test set, how one run is
 * recorded, and what the report says about it. Every gate run on the same test set lets its author learn a
 * little about that test set; past `max_runs_per_test_set` runs the verdicts may be overfitted to it (adaptive
 * data analysis), so the gate warns. It never changes the verdict.
 *
 * File format (version 1), one entry per run id and attempt under the test set's fingerprint:
 *   { "version": 1, "test_sets": { "sha256:…": [ { "run": "123", "attempt": 1, "at": "2026-…Z" } ] } }
 */

export interface LedgerEntry {
  run: string;
  attempt: number;
  /** The run's generated_at: when it was counted. */
  at: string;
}

export interface Ledger {
  version: 1;
  test_sets: Record<string, LedgerEntry[]>;
}

/** What the report says about the ledger (`ledger` field). */
export interface LedgerStatus {
  /** The ledger file as configured. */
  file: string;
  /** Gate runs counted on this test set, this one included. */
  runs: number;
  max_runs_per_test_set: number | null;
  /** False when this run id and attempt were already counted (a re-run adds nothing). */
  counted: boolean;
  /** The warning sentence when runs > max (or the ledger could not be used), else null. */
  warning: string | null;
}

export function emptyLedger(): Ledger {
  return { version: 1, test_sets: {} };
}

/** Parses a ledger file's text; throws a plain Error whose message says what is wrong (the shell words it). */
export function parseLedger(text: string): Ledger {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('it is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('it is not a JSON object');
  const v = value as { version?: unknown; test_sets?: unknown };
  if (v.version !== 1) throw new Error(`its version is ${JSON.stringify(v.version) ?? 'missing'}, not 1`);
  if (typeof v.test_sets !== 'object' || v.test_sets === null || Array.isArray(v.test_sets)) {
    throw new Error('it has no "test_sets" object');
  }
  const sets: Record<string, LedgerEntry[]> = {};
  for (const [fingerprint, entries] of Object.entries(v.test_sets as Record<string, unknown>)) {
    if (!Array.isArray(entries)) throw new Error(`test_sets["${fingerprint}"] is not a list`);
    sets[fingerprint] = entries.map((e, i) => {
      const x = e as Partial<LedgerEntry> | null;
      if (
        typeof x !== 'object' || x === null ||
        typeof x.run !== 'string' || !Number.isInteger(x.attempt) || typeof x.at !== 'string'
      ) {
        throw new Error(`test_sets["${fingerprint}"][${i}] is not {run: string, attempt: integer, at: string}`);
      }
      return { run: x.run, attempt: x.attempt as number, at: x.at };
    });
  }
  return { version: 1, test_sets: sets };
}

/** The ledger with this run added (unless its run id and attempt are already there), and the count after it. */
export function recordRun(
  ledger: Ledger,
  fingerprint: string,
  entry: LedgerEntry
): { ledger: Ledger; runs: number; counted: boolean } {
  const entries = ledger.test_sets[fingerprint] ?? [];
  const seen = entries.some((e) => e.run === entry.run && e.attempt === entry.attempt);
  const next = seen ? entries : [...entries, entry];
  return { ledger: { version: 1, test_sets: { ...ledger.test_sets, [fingerprint]: next } }, runs: next.length, counted: !seen };
}

/** The sentence a run past the maximum carries (annotation and summary line). */
export function reuseWarning(runs: number, max: number | undefined, fingerprint: string): string | null {
  if (max === undefined || runs <= max) return null;
  return (
    `this test set (${fingerprint.slice(0, 19)}…) has now been gated on ${runs} times, more than max_runs_per_test_set (${max}): ` +
    'decisions tuned against it may be overfitted to it; label a fresh test set (the verdict is unchanged)'
  );
}

/** The ledger file's text: 2-space JSON with a final newline, fingerprints in sorted order for stable diffs. */
export function ledgerText(ledger: Ledger): string {
  const sorted: Record<string, LedgerEntry[]> = {};
  for (const k of Object.keys(ledger.test_sets).sort()) sorted[k] = ledger.test_sets[k];
  return `${JSON.stringify({ version: 1, test_sets: sorted }, null, 2)}\n`;
}
