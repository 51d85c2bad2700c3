/**
 * Data freshness: the age of the newest timestamp in the current table's column, measured from generated_at
 * (the report's only clock). Pure. Row `freshness:<column>` in the data gate: passes iff age ≤ max_age_hours.
 */
import type { GateConfig } from '../../config/types.js';
import { severityOf } from '../policy.js';
import type { CheckResult } from '../report.js';
import type { FreshnessFacts } from '../../readers/artifacts/freshness.js';

/** Hours: two decimals at most (`2`, `31.5`). */
const fmt = (x: number) => String(Number(x.toFixed(2)));


const HOUR_MS = 3_600_000;

export function freshnessChecks(config: GateConfig, facts: FreshnessFacts | undefined, generatedAt: string): CheckResult[] {
  const spec = config.gates.data?.freshness;
  if (!spec) return [];
  if (!facts) throw new Error('gates.data.freshness without facts: the shell should have read the timestamps');
  const max = spec.max_age_hours;
  const base = {
    gate: 'data' as const,
    name: `freshness:${spec.column}`,
    metric: null,
    segment: null,
    group: null,
    severity: severityOf(config.policy, 'data'),
    n: facts.count,
    champion: null,
    delta: null,
    ci_low: null,
    ci_high: null,
    ci_method: null,
    threshold: max,
    rule: 'max_value' as const,
    direction: -1 as const
  };
  if (!facts.newest) {
    return [
      {
        ...base,
        status: 'inconclusive',
        candidate: null,
        message: `${facts.file} has no timestamp in column ${spec.column}: its freshness is unknown`
      }
    ];
  }
  const now = Date.parse(generatedAt);
  const age = (now - facts.newest.ms) / HOUR_MS;
  const pass = age <= max;
  const ahead = age < 0 ? ` (it is ${fmt(-age)} h after generated_at: check the clocks)` : '';
  return [
    {
      ...base,
      status: pass ? 'pass' : 'fail',
      candidate: age,
      message:
        `newest ${spec.column} ${facts.newest.text} (line ${facts.newest.line}) is ${fmt(age)} h old at generated_at${ahead}; ` +
        `${pass ? 'within' : 'older than'} the allowed ${fmt(max)} h` +
        (pass ? '' : ': the table is stale')
    }
  ];
}
