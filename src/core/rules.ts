/**
 * The decision rules of docs/config.md, as pure functions of a metric's direction, the paired estimate and the
 * configured margin. Kept apart from the engine so each rule can be read and tested on its own.
 */
import type { ComparisonRule, Margin } from '../config/types.js';
import type { Direction } from '../stats/catalog.js';

export interface PairedInterval {
  champion: number;
  delta: number;
  low: number;
  high: number;
}

export interface RuleOutcome {
  pass: boolean;
  /** The bound the interval (or, for strictly_better, the point estimate) must clear. */
  threshold: number;
  /** The margin in metric units (a = r·|champion| for relative margins); 0 for rules without one. */
  margin: number;
}

/** The margin in metric units: relative margins are taken from the champion's point estimate. */
export function marginValue(margin: Margin | undefined, champion: number): number {
  if (!margin) return 0;
  return margin.kind === 'absolute' ? margin.value : margin.value * Math.abs(champion);
}

/**
 * Applies a comparison rule. For direction +1 the lower bound L must clear −a (non_inferior) or 0 (superior);
 * for direction −1 the upper bound U must stay below +a or 0. strictly_better looks at the point estimate only,
 * and a tie goes to the champion.
 */
export function applyComparison(
  rule: ComparisonRule,
  direction: Direction,
  margin: Margin | undefined,
  est: PairedInterval
): RuleOutcome {
  if (direction === 0) throw new Error('a metric without direction cannot be compared');
  const a = rule === 'non_inferior' || rule === 'equivalent' ? marginValue(margin, est.champion) : 0;
  const threshold = direction === 1 ? -a : a;
  switch (rule) {
    case 'strictly_better':
      return { pass: direction === 1 ? est.delta > 0 : est.delta < 0, threshold: 0, margin: 0 };
    case 'equivalent':
      // Two one-sided tests at the interval's level: both bounds strictly inside (−e, e). threshold = e.
      return { pass: est.low > -a && est.high < a, threshold: a, margin: a };
    case 'superior':
    case 'non_inferior':
      return {
        pass: direction === 1 ? est.low > threshold : est.high < threshold,
        threshold,
        margin: a
      };
  }
}

/** Floors and ceilings check the candidate's point estimate. */
export function applyBound(rule: 'min_value' | 'max_value', bound: number, value: number): boolean {
  return rule === 'min_value' ? value >= bound : value <= bound;
}

/** Δ turned so that positive always means "the candidate is better". */
export function orientedDelta(direction: Direction, delta: number): number {
  return direction === -1 ? -delta : delta;
}
