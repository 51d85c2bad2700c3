/**
 * The cost artifact (docs/config.md): `{inference_cost, infra_cost, storage_cost, retraining_cost, human_ops_cost,
 * success_count}`, and the seed's control metric, the cost per useful outcome:
 *
 *   cost_per_useful_outcome = (inference + infra + storage + retraining + human_ops) / success_count
 *
 * Every field is required (an unmeasured cost is the anti-pattern the cost gate exists for: write 0 for a
 * cost that really is 0); other keys (currency, period, notes) are allowed and ignored. Pure.
 */
import { GateError } from '../../base/errors.js';
import { quoteJson } from '../../base/text.js';

const COST_FIELDS = ['inference_cost', 'infra_cost', 'storage_cost', 'retraining_cost', 'human_ops_cost'] as const;

export interface CostFacts {
  file: string;
  costs: Record<(typeof COST_FIELDS)[number], number>;
  total: number;
  success_count: number;
}

/** Reads a parsed cost document; `file` is the path shown in messages. */
export function parseCost(doc: unknown, file: string): CostFacts {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new GateError(
      `${file} is not a JSON object; a cost file is {"inference_cost": …, "infra_cost": …, "storage_cost": …, "retraining_cost": …, "human_ops_cost": …, "success_count": …}.`,
      { file }
    );
  }
  const obj = doc as Record<string, unknown>;
  const missing = [...COST_FIELDS, 'success_count'].filter((k) => obj[k] === undefined || obj[k] === null);
  if (missing.length > 0) {
    throw new GateError(`${file} lacks ${missing.join(', ')}; every cost and success_count is needed (write 0 for a cost that is 0).`, {
      file,
      key: missing[0]
    });
  }
  const number = (key: string): number => {
    const v = obj[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new GateError(`${file}: ${key} must be a finite number ≥ 0, not ${quoteJson(v)}.`, { file, key });
    }
    return v;
  };
  const costs = Object.fromEntries(COST_FIELDS.map((k) => [k, number(k)])) as CostFacts['costs'];
  const success = number('success_count');
  // Adding in the fixed field order keeps the total (and so the report) identical across runs.
  const total = COST_FIELDS.reduce((sum, k) => sum + costs[k], 0);
  return { file, costs, total, success_count: success };
}

/** Cost per useful outcome, or null when there was no useful outcome (unbounded). */
export function costPerUsefulOutcome(c: CostFacts): number | null {
  return c.success_count > 0 ? c.total / c.success_count : null;
}
