/**
 * Margins that are valid but almost certainly not meant: a relative margin of half the champion's value or
 * more, or an absolute margin larger than the metric's whole range (a 0–1 score with `absolute_drop_allowed: 2`
 * can never fail). They are warnings, not errors: the config still runs, but the user is told where and why.
 */
import type { ConfigDocument, Path } from './source.js';

/** Width of the range of metrics whose values are bounded, for the absolute-margin check. */
const RANGE: Record<string, number> = {
  accuracy: 1, precision: 1, recall: 1, tpr: 1, specificity: 1, tnr: 1, fpr: 1, fnr: 1, f1: 1, balanced_accuracy: 1,
  selection_rate: 1, roc_auc: 1, pr_auc: 1, brier: 1, ece: 1, macro_f1: 1, weighted_f1: 1, micro_f1: 1,
  macro_precision: 1, macro_recall: 1, mcc: 2
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every implausible margin in the config, as `file:line:column: sentence`. */
export function marginWarnings(doc: ConfigDocument): string[] {
  const out: string[] = [];
  const at = (path: Path) => {
    const p = doc.locate(path, 'value');
    return `${doc.source}:${p.line}:${p.column}`;
  };
  const walk = (node: unknown, path: Path, metric: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => walk(x, [...path, i], metric));
      return;
    }
    if (!isRecord(node)) return;
    const own = typeof node.metric === 'string' ? node.metric : typeof node.primary_metric === 'string' ? node.primary_metric : metric;
    const rel = node.relative_drop_allowed;
    if (typeof rel === 'number' && rel >= 0.5) {
      out.push(
        `${at([...path, 'relative_drop_allowed'])}: relative_drop_allowed ${rel} lets the candidate be ${Number((rel * 100).toPrecision(6))}% worse ` +
          `than the champion${own ? ` on ${own}` : ''} and still pass; margins are fractions (0.01 is 1%), so check that this is meant`
      );
    }
    const abs = node.absolute_drop_allowed;
    const range = own ? RANGE[own] : undefined;
    if (typeof abs === 'number' && range !== undefined && abs >= range) {
      out.push(
        `${at([...path, 'absolute_drop_allowed'])}: absolute_drop_allowed ${abs} is at least the whole range of ${own} (${range}), ` +
          `so this check can never fail; margins are in the metric's units (0.01 is one point of a 0–1 score)`
      );
    }
    for (const [k, v] of Object.entries(node)) walk(v, [...path, k], own);
  };
  walk(doc.value, [], undefined);
  return out;
}
