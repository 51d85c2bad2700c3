/**
 * The rollback drill record: `{ date, rto_seconds, restored: [...], runbook, owner }` — when the last drill
 * ran, how long the restore took (measured, not estimated), which parts of the release it restored, and who
 * owns the runbook. Other keys are allowed and ignored. Pure.
 */
import { parseTimestamp } from '../../base/timestamps.js';
import { GateError } from '../../base/errors.js';
import { quoteJson } from '../../base/text.js';

export interface DrillFacts {
  file: string;
  date: string;
  /** Epoch milliseconds of `date`. */
  at: number;
  rto_seconds: number;
  restored: string[];
  runbook: string;
  owner: string;
}

/** The champion artifact the action downloaded (rollback restores it), when the champion came from one. */
export interface ChampionArtifactFact {
  name: string;
  /** ISO 8601; null when the API records no expiry. */
  expires_at: string | null;
  expired: boolean;
}

const SHAPE = '{"date": "2026-11-02", "rto_seconds": 240, "restored": ["model", …], "runbook": "https://…", "owner": "team"}';

export function parseDrill(doc: unknown, file: string): DrillFacts {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new GateError(`${file} is not a JSON object; a drill record is ${SHAPE}.`, { file });
  }
  const o = doc as Record<string, unknown>;
  const missing = ['date', 'rto_seconds', 'restored', 'runbook', 'owner'].filter((k) => o[k] === undefined || o[k] === null);
  if (missing.length > 0) {
    throw new GateError(`${file} lacks ${missing.join(', ')}; a drill record is ${SHAPE}.`, { file, key: missing[0] });
  }
  const bad = (key: string, want: string) =>
    new GateError(`${file}: ${key} must be ${want}, not ${quoteJson(o[key])}.`, { file, key });
  if (typeof o.date !== 'string') throw bad('date', 'an ISO 8601 date or time (2026-11-02T14:00:00Z)');
  const t = parseTimestamp(o.date);
  if ('error' in t || /^-?\d+(\.\d+)?$/.test(o.date.trim())) throw bad('date', 'an ISO 8601 date or time (2026-11-02T14:00:00Z)');
  if (typeof o.rto_seconds !== 'number' || !Number.isFinite(o.rto_seconds) || o.rto_seconds < 0) {
    throw bad('rto_seconds', 'a number of seconds ≥ 0');
  }
  if (!Array.isArray(o.restored) || !o.restored.every((x) => typeof x === 'string')) {
    throw bad('restored', 'a list of component names (["model", "preprocessing", …])');
  }
  for (const key of ['runbook', 'owner'] as const) {
    if (typeof o[key] !== 'string' || (o[key] as string).trim() === '') throw bad(key, 'a non-empty text');
  }
  return {
    file,
    date: o.date,
    at: t.ms,
    rto_seconds: o.rto_seconds,
    restored: [...(o.restored as string[])],
    runbook: o.runbook as string,
    owner: o.owner as string
  };
}
