/**
 * The cost gate (docs/config.md): a hard cap on the cost per useful outcome and a maximum increase over the
 * champion's. Pure. Rows: `gate: "cost"`, `name: "cost_per_useful_outcome"`, rule `max_value` or
 * `max_relative_increase`; no useful outcome at all (success_count 0) fails with a null value.
 */
import type { GateConfig } from '../../config/types.js';
import { fmt } from '../format.js';
import { limitRowBase, noChampionRow, relativeCeiling, relativeIncreaseRow } from '../limits.js';
import { severityOf } from '../policy.js';
import type { CheckResult } from '../report.js';
import { costPerUsefulOutcome, type CostFacts } from '../../readers/artifacts/cost-facts.js';

export interface CostInputs {
  cost?: CostFacts;
  champion_cost?: CostFacts;
}

const NAME = 'cost_per_useful_outcome';

export function costChecks(config: GateConfig, inputs: CostInputs): CheckResult[] {
  const gate = config.gates.cost;
  if (!gate) return [];
  const cand = inputs.cost;
  if (!cand) throw new Error('gates.cost without a cost file: the shell should have read artifacts.cost');
  const value = costPerUsefulOutcome(cand);
  const base = limitRowBase('cost', NAME, severityOf(config.policy, 'cost'), cand.success_count, value, {
    kind: 'cost',
    file: cand.file,
    total_cost: cand.total,
    success_count: cand.success_count
  });
  const none = `${cand.file} reports success_count 0: no useful outcome, so the cost per useful outcome is unbounded`;
  const rows: CheckResult[] = [];

  if (gate.max_cost_per_useful_outcome !== undefined) {
    const max = gate.max_cost_per_useful_outcome;
    if (value === null) {
      rows.push({ ...base, status: 'fail', threshold: max, rule: 'max_value', message: none });
    } else {
      const pass = value <= max;
      rows.push({
        ...base,
        status: pass ? 'pass' : 'fail',
        threshold: max,
        rule: 'max_value',
        message: `cost per useful outcome ${fmt(value)} (${fmt(cand.total)} / ${cand.success_count}) is ${pass ? 'at or below' : 'above'} the cap ${fmt(max)}`
      });
    }
  }

  if (gate.max_relative_increase !== undefined) {
    const r = gate.max_relative_increase;
    const champ = inputs.champion_cost;
    if (!champ) {
      rows.push(noChampionRow(base, 'champion_cost'));
    } else {
      const c = costPerUsefulOutcome(champ);
      if (c === null) {
        rows.push({
          ...base,
          status: 'inconclusive',
          threshold: null,
          rule: 'max_relative_increase',
          message: `${champ.file} reports success_count 0, so the champion has no cost per useful outcome to compare with`
        });
      } else {
        if (value === null) {
          rows.push({ ...base, champion: c, threshold: relativeCeiling(c, r), rule: 'max_relative_increase', status: 'fail', message: none });
        } else {
          rows.push(relativeIncreaseRow(base, 'cost per useful outcome', value, c, r));
        }
      }
    }
  }
  return rows;
}
