/**
 * How a check's numbers read: each value in its unit (ms, MB, %), whole counts as integers, and differences of
 * 0–1 scores in percentage points. Chosen from the check's own fields (metric, name, gate, rule), so a new check
 * family renders sensibly without a change here; add an entry to UNITS only to give its numbers a unit.
 */
import type { CheckResult } from '../core/report.js';
import { anyMetricInfo } from '../stats/catalog.js';

export interface Unit {
  /** A value of the check (champion, candidate, threshold). */
  value: (x: number) => string;
  /** A difference (Δ, interval ends, margins), always with a sign. */
  delta: (x: number) => string;
}

type UnitCheck = Pick<CheckResult, 'gate' | 'name' | 'metric' | 'rule'>;

/** Minus sign rather than hyphen, so negative numbers read as numbers. */
function signed(s: string, x: number): string {
  const abs = s.replace(/^[-−+]/, '');
  if (/^[0.,]+$/.test(abs)) return abs; // rounds to zero: no sign
  return x < 0 ? `−${abs}` : `+${abs}`;
}

function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Up to `digits` decimals, trailing zeros kept so a column lines up. */
function plain(digits: number): Unit {
  return {
    value: (x) => fixed(x, digits).replace(/^-/, '−'),
    delta: (x) => signed(fixed(x, digits), x)
  };
}

function withSuffix(digits: number, suffix: string): Unit {
  return {
    value: (x) => `${fixed(x, digits).replace(/^-/, '−')} ${suffix}`,
    delta: (x) => `${signed(fixed(x, digits), x)} ${suffix}`
  };
}

/** A rate in [0, 1] shown as a percentage (`1.40 %`), differences in percentage points. */
const PERCENT: Unit = {
  value: (x) => `${fixed(x * 100, 2)} %`,
  delta: (x) => `${signed(fixed(x * 100, 2), x)} pts`
};

/** A 0–1 score (accuracy, f1, AUC): the value as is, differences in percentage points (0.009 → +0.90 pts). */
const SCORE: Unit = {
  value: (x) => fixed(x, 4),
  delta: (x) => `${signed(fixed(x * 100, 2), x)} pts`
};

/** A count: an integer with thousands separators. */
const COUNT: Unit = {
  value: (x) => Math.round(x).toLocaleString('en-US'),
  delta: (x) => signed(Math.abs(Math.round(x)).toLocaleString('en-US'), Math.round(x))
};

/** Units by check name (operations keys, data checks) or by name prefix before `:`. */
const UNITS: Array<[RegExp, Unit]> = [
  [/_ms$/, withSuffix(1, 'ms')],
  [/_mib$/, withSuffix(1, 'MiB')],
  [/_mb$/, withSuffix(1, 'MB')],
  [/(^|_)rate$|^missingness:/, PERCENT],
  [/^psi:/, plain(3)]
];

export function unitOf(c: UnitCheck): Unit {
  // Scores bounded by 0 and 1 read best in points (the catalogue's unit).
  if (c.metric && anyMetricInfo(c.metric)?.unit === 'points') return SCORE;
  if (c.metric) return plain(4);
  for (const [re, unit] of UNITS) if (re.test(c.name)) return unit;
  return plain(4);
}

/** A value of the check; whole numbers of a check without a metric (counts of violations, rows) as integers. */
export function formatValue(c: UnitCheck, x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (!c.metric && Number.isInteger(x) && !UNITS.some(([re]) => re.test(c.name))) return COUNT.value(x);
  return unitOf(c).value(x);
}

/** A signed difference in the check's unit. */
export function formatDelta(c: UnitCheck, x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return unitOf(c).delta(x);
}

/**
 * The test set's size as the footer states it: `4000` for row tasks, `600 queries (12,000 rows)` for ranking and
 * `300 ids (rows: candidate 900, champion 600)` for the score task, whose n is not the number of rows.
 */
export function testSetSize(t: { n: number; rows?: number | { candidate: number; champion?: number } }, task: string): string {
  const n = t.n.toLocaleString('en-US');
  if (t.rows === undefined) return n;
  if (typeof t.rows === 'number') return `${n} ${task === 'ranking' ? 'queries' : 'units'} (${t.rows.toLocaleString('en-US')} rows)`;
  const r = t.rows;
  return `${n} ids (rows: candidate ${r.candidate.toLocaleString('en-US')}${r.champion !== undefined ? `, champion ${r.champion.toLocaleString('en-US')}` : ''})`;
}
