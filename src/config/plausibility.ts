/**
 * Margins that are valid but almost certainly not meant: a relative margin of half the champion's value or
 * more, or an absolute margin larger than the metric's whole range (a 0–1 score with `absolute_drop_allowed: 2`
 * can never fail). They are warnings, not errors: the config still runs, but the user is told where and why.
 */
import { anyMetricInfo } from '../stats/catalog.js';
import type { ConfigDocument, Path } from './source.js';


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
    // The width of a bounded metric's range (catalogue); unbounded metrics have none.
    const range = own ? anyMetricInfo(own)?.range : undefined;
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
