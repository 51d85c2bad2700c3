/**
 * The rollback gate (seed 002: "rollback plan exists, but has never been tested in a drill" must block a
 * release). Pure. Rows, ages measured from generated_at:
 *
 *   `drill_age`           days since the drill ≤ max_drill_age_days;
 *   `rto`                 the drill's measured recovery time ≤ max_rto_seconds (when set);
 *   `components`          the drill restored every required component (the whole release, not only the model);
 *   `champion_available`  the previous release still exists: the champion artifact has not expired and will not
 *                         within max_drill_age_days (only when the champion came from an Actions artifact).
 */
import type { GateConfig } from '../../config/types.js';
import { severityOf } from '../policy.js';
import type { CheckResult } from '../report.js';
import { quote } from '../../base/text.js';
import type { ChampionArtifactFact, DrillFacts } from '../../readers/artifacts/drill.js';

/** Days, seconds: two decimals at most (`19.42`, `240`). */
const num = (x: number) => String(Number(x.toFixed(2)));

const DAY_MS = 86_400_000;

export function rollbackChecks(
  config: GateConfig,
  drill: DrillFacts | undefined,
  champion: ChampionArtifactFact | undefined,
  generatedAt: string
): CheckResult[] {
  const gate = config.gates.rollback;
  if (!gate) return [];
  if (!drill) throw new Error('gates.rollback without a drill: the shell should have read it');
  const now = Date.parse(generatedAt);
  const base = {
    gate: 'rollback' as const,
    metric: null,
    segment: null,
    group: null,
    severity: severityOf(config.policy, 'rollback'),
    n: 1,
    champion: null,
    delta: null,
    ci_low: null,
    ci_high: null,
    ci_method: null
  };
  const rows: CheckResult[] = [];
  const maxAge = gate.max_drill_age_days;
  const age = (now - drill.at) / DAY_MS;
  // A drill dated after generated_at is a wrong date, not a fresh drill.
  const agePass = age >= 0 && age <= maxAge;
  rows.push({
    ...base,
    name: 'drill_age',
    status: agePass ? 'pass' : 'fail',
    candidate: age,
    threshold: maxAge,
    rule: 'max_value',
    direction: -1,
    message:
      age < 0
        ? `the drill in ${drill.file} is dated ${drill.date}, ${num(-age)} days after generated_at: check its date`
        : `the last drill (${drill.date}, owner ${quote(drill.owner)}) was ${num(age)} days ago; ` +
          (agePass ? `within the allowed ${maxAge} days` : `older than the allowed ${maxAge} days: run the drill again`)
  });
  if (gate.max_rto_seconds !== undefined) {
    const max = gate.max_rto_seconds;
    const pass = drill.rto_seconds <= max;
    rows.push({
      ...base,
      name: 'rto',
      status: pass ? 'pass' : 'fail',
      candidate: drill.rto_seconds,
      threshold: max,
      rule: 'max_value',
      direction: -1,
      message: `measured recovery time ${num(drill.rto_seconds)} s is ${pass ? 'within' : 'above'} the allowed ${num(max)} s`
    });
  }
  const restored = new Set(drill.restored.map((c) => c.trim().toLowerCase()));
  const required = gate.required_components;
  const missing = required.filter((c) => !restored.has(c.trim().toLowerCase()));
  rows.push({
    ...base,
    name: 'components',
    n: required.length,
    status: missing.length === 0 ? 'pass' : 'fail',
    candidate: required.length - missing.length,
    threshold: required.length,
    rule: 'min_value',
    direction: 1,
    message:
      missing.length === 0
        ? `the drill restored every required component: ${required.join(', ')}`
        : `the drill did not restore ${missing.join(', ')} (restored: ${drill.restored.length ? drill.restored.join(', ') : 'nothing'}): a partial rollback leaves the release inconsistent`
  });
  rows.push({ ...base, ...championRow(champion, now, maxAge) });
  return rows;
}

function championRow(champion: ChampionArtifactFact | undefined, now: number, days: number) {
  const row = { name: 'champion_available', rule: 'min_value' as const, direction: 1 as const, threshold: days };
  if (!champion) {
    return {
      ...row,
      status: 'skipped' as const,
      candidate: null,
      message: 'the champion does not come from an Actions artifact (champion-artifact), so its availability is not checked here'
    };
  }
  if (champion.expired) {
    return {
      ...row,
      status: 'fail' as const,
      candidate: 0,
      message: `champion artifact ${quote(champion.name)} has expired: there is no previous release to roll back to`
    };
  }
  if (champion.expires_at === null) {
    return { ...row, status: 'pass' as const, candidate: null, message: `champion artifact ${quote(champion.name)} has no expiry` };
  }
  const left = (Date.parse(champion.expires_at) - now) / DAY_MS;
  const pass = left >= days;
  return {
    ...row,
    status: pass ? ('pass' as const) : ('fail' as const),
    candidate: left,
    message:
      `champion artifact ${quote(champion.name)} expires ${champion.expires_at}, in ${num(left)} days; ` +
      (pass
        ? `it outlives the ${days}-day drill window`
        : `rollback needs it for ${days} days: re-upload it with a longer retention-days, or shorten max_drill_age_days`)
  };
}
