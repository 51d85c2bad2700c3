/**
 * Confusion metrics whose comparison means nothing on these rows although both values exist: a metric that
 * needs both label classes when there is one (precision, f1, mcc, balanced accuracy, PR-AUC), or a
 * denominator that is zero for a model (precision of a model that predicts no positive, mcc of a constant
 * prediction), where scikit-learn's value is a convention (0 or 1), not a measurement. The comparison is
 * inconclusive with the reason (Estimate.undecidable); the point values are still reported. Pure.
 */
import { metricInfo } from '../stats/catalog.js';
import { confusionOf, type Confusion } from '../stats/confusion.js';

function classWord(c: Confusion): string | undefined {
  const pos = c.tp + c.fn;
  const neg = c.tn + c.fp;
  if (pos === 0) return 'negative';
  if (neg === 0) return 'positive';
  return undefined;
}

/** Why comparing `name` on these joint cells is degenerate, or undefined when it is not. */
export function degenerateConfusion(name: string, cells: ArrayLike<number>): string | undefined {
  const cand = confusionOf(cells, 'candidate');
  const champ = confusionOf(cells, 'champion');
  const n = cand.tp + cand.fp + cand.tn + cand.fn;
  const only = classWord(cand);
  if (only && metricInfo('binary', name)?.bothClasses) {
    return `${name} needs both label classes to compare, but all ${n} rows are ${only}: its value is a convention here, not a measurement`;
  }
  const which = (test: (c: Confusion) => boolean): string | undefined => {
    const models = [test(cand) ? 'the candidate' : '', test(champ) ? 'the champion' : ''].filter(Boolean);
    return models.length ? models.join(' and ') : undefined;
  };
  if (name === 'precision') {
    const who = which((c) => c.tp + c.fp === 0);
    if (who) return `precision is undefined for ${who}: no row is predicted positive (scikit-learn reports 0 by convention)`;
  }
  if (name === 'mcc') {
    const who = which((c) => c.tp + c.fp === 0 || c.tn + c.fn === 0);
    if (who) return `mcc is undefined for ${who}: every row gets the same prediction (scikit-learn reports 0 by convention)`;
  }
  return undefined;
}
