/**
 * Sample-size planning (`model-gate plan`), pure part. From a pilot evaluation (the report of the configured
 * candidate and champion on a pilot test set), the test-set size each comparison check needs for the requested
 * power at its margin, assuming the models are truly equal (Δ = 0) with the pilot's variability (se ∝ 1/√n),
 * and the size at which all margin checks pass together with that power (product of their powers).
 *
 * Without a pilot candidate, `assumedDiscordance` builds one from the champion: a seeded fraction d of rows has
 * its prediction flipped (and its score mirrored, 1 − s), so the two models disagree on d of the rows, the
 * quantity that sets the variance of a paired difference of accuracy-like metrics.
 */
import { detectableMargin, requiredN } from '../stats/power.js';
import { deriveSeed, Rng } from '../stats/prng.js';
import type { PairedData } from '../readers/paired-data.js';
import { checkPowerAtZero, checkSe, marginChecks, planEntries, type PlanEntry } from './decision-errors.js';
import type { CheckResult, Report } from './report.js';

export interface PlanCheck extends PlanEntry {
  rule: CheckResult['rule'];
  /** The pilot's rows and the check's standard error on them. */
  pilot_n: number;
  pilot_se: number | null;
  /** P(pass | Δ = 0) at the pilot's size and at required_n. */
  power_at_pilot: number | null;
}

export interface GatePlan {
  power: number;
  confidence_level: number;
  pilot_n: number;
  /** Set when the pilot candidate was made from the champion. */
  assumed_discordance: number | null;
  checks: PlanCheck[];
  /**
   * The smallest n at which all margin checks pass together with the requested power (Π power_i ≥ power),
   * null when there are none or one cannot be decided (no interval, or a zero margin).
   */
  gate_required_n: number | null;
  /** Π power_i at the pilot's size. */
  gate_power_at_pilot: number | null;
}

/**
 * The chance that every margin check passes on a test set of n rows when the pilot had pilotN: each check's rows
 * (a segment's share included) grow by n/pilotN, so its se shrinks by √(n/pilotN).
 */
export function jointPower(checks: readonly CheckResult[], level: number, n: number, pilotN: number): number {
  return checks.reduce((p, c) => p * checkPowerAtZero(c, level, n / pilotN), 1);
}

export function buildPlan(report: Report, power: number, assumedDiscordance: number | null): GatePlan {
  const level = report.settings.confidence_level;
  const entries = planEntries(report.checks, level, power);
  const comparisons = report.checks.filter((c) => ['non_inferior', 'equivalent', 'superior', 'strictly_better'].includes(c.rule));
  const checks: PlanCheck[] = entries.map((e, i) => {
    const c = comparisons[i];
    const se = checkSe(c, level);
    const margin = ['non_inferior', 'equivalent'].includes(c.rule);
    return {
      ...e,
      rule: c.rule,
      pilot_n: c.n,
      pilot_se: se,
      power_at_pilot: margin && se !== null && c.status !== 'skipped' ? checkPowerAtZero(c, level) : null
    };
  });
  const family = marginChecks(report.checks);
  const decidable = family.length > 0 && family.every((c) => checkSe(c, level) !== null && c.status !== 'inconclusive' && Math.abs(c.threshold ?? 0) > 0);
  return {
    power,
    confidence_level: level,
    pilot_n: report.test_set.n,
    assumed_discordance: assumedDiscordance,
    checks,
    gate_required_n: decidable ? jointRequiredN(family, level, power, report.test_set.n) : null,
    gate_power_at_pilot: decidable ? jointPower(family, level, report.test_set.n, report.test_set.n) : null
  };
}

/**
 * The smallest n (in the pilot's row units) with jointPower ≥ power. Each check's power rises with n, so the
 * product does: bracket by doubling from the largest single-check size, then bisect on integers.
 */
function jointRequiredN(family: readonly CheckResult[], level: number, power: number, pilotN: number): number {
  const reach = (n: number) => jointPower(family, level, n, pilotN) >= power;
  // Every check needs at least its own size for power `power` (in test-set rows: its rows scaled by its share);
  // the product needs more when there are several.
  let lo = 1;
  for (const c of family) {
    const n = requiredN(c.rule as 'non_inferior' | 'equivalent', Math.abs(c.threshold!), checkSe(c, level)!, pilotN, level, power);
    if (n !== null) lo = Math.max(lo, n);
  }
  if (reach(lo)) return lo;
  let hi = lo * 2;
  while (!reach(hi)) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reach(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Smallest margin each check could establish at the requested power, for the text output. */
export function planMde(c: PlanCheck, level: number, power: number): number | null {
  if (c.pilot_se === null) return null;
  return detectableMargin(c.rule === 'equivalent' ? 'equivalent' : 'non_inferior', c.pilot_se, level, power);
}

/**
 * A pilot candidate made from the champion (binary only): a seeded fraction `d` of rows disagrees with it.
 * Throws a plain Error when the data cannot carry it (the shell words it).
 */
export function assumedDiscordance(data: PairedData, d: number, seed: number): PairedData {
  const champ = data.champion;
  if (!champ) throw new Error('there is no champion to build the pilot candidate from');
  if (data.weight) throw new Error('a counts file already holds both models; give it as the pilot pair instead');
  if (!champ.prediction && !champ.score) throw new Error('it needs binary predictions or scores');
  const rng = new Rng(deriveSeed(seed, 'plan:discordance'));
  const prediction = champ.prediction ? Uint8Array.from(champ.prediction) : undefined;
  const score = champ.score ? Float64Array.from(champ.score) : undefined;
  // Exactly round(d·n) rows, drawn by a partial Fisher–Yates shuffle: the pilot has the stated discordance, not
  // a random count around it.
  const order = Uint32Array.from({ length: data.n }, (_, i) => i);
  const k = Math.round(d * data.n);
  for (let j = 0; j < k; j++) {
    const r = j + Math.floor(rng.nextFloat() * (data.n - j));
    const i = order[r];
    order[r] = order[j];
    order[j] = i;
    if (prediction) prediction[i] = 1 - prediction[i];
    if (score) score[i] = 1 - score[i];
  }
  return { ...data, candidate: { file: `${champ.file} (${d} of rows flipped)`, prediction, score } };
}
