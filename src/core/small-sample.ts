/**
 * Where the percentile bootstrap of the joint cells stops holding its level for the confusion metrics that
 * are not proportions (precision, f1, mcc, balanced accuracy, net benefit): with few rows on which the two
 * models' predictions differ, the bootstrap distribution of Δ has a handful of atoms and its percentile
 * interval is too narrow (docs/statistics.md: at 30 rows, false passes of 7–9 % instead of 2.5 %). Below
 * MIN_DISAGREEMENTS such rows the comparison is inconclusive, by design, with this reason. Pure.
 */
import { PAIRED_CELLS } from '../stats/confusion.js';

/** Fewest rows with differing predictions for a cells-bootstrap comparison (chosen by the coverage study). */
export const MIN_DISAGREEMENTS = 30;

/** Rows of the binary joint cells where the champion's prediction differs from the candidate's. */
export function disagreements(cells: ArrayLike<number>): number {
  let m = 0;
  for (let idx = 0; idx < PAIRED_CELLS; idx++) if (((idx >> 1) & 1) !== (idx & 1)) m += cells[idx]!;
  return m;
}

/** The reason a cells-bootstrap comparison of `name` is undecidable here, or undefined. */
export function fewDisagreements(name: string, cells: ArrayLike<number>): string | undefined {
  return fewDisagreementsOf(name, disagreements(cells));
}

/** The same, from the number m of rows where the predictions differ (multiclass counts them itself). */
export function fewDisagreementsOf(name: string, m: number): string | undefined {
  if (m >= MIN_DISAGREEMENTS) return undefined;
  return (
    `only ${m} rows where the two models' predictions differ (fewer than ${MIN_DISAGREEMENTS}): too few for the ` +
    `bootstrap interval of ${name} to hold its level (docs/statistics.md); gate on a proportion such as accuracy or recall, ` +
    `whose exact interval works with few disagreements, or on more rows`
  );
}
