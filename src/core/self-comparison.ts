/**
 * The guard against comparing a model with itself: when the candidate's and the champion's predictions are
 * identical on every row (the same file or model uploaded twice, a path pointing at the wrong artifact), every
 * interval of Δ is [0, 0] and every non-inferiority check would pass without any evidence. That is an error of
 * the inputs, not a verdict. Pure.
 */
import { GateError } from '../base/errors.js';
import type { ModelColumns, PairedData } from '../readers/paired-data.js';
import { exampleCount } from './weights.js';

type Column = Uint8Array | Uint32Array | Float64Array | undefined;

function sameColumn(a: Column, b: Column): boolean | undefined {
  if (!a || !b) return undefined;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** True when every prediction column both models have is equal on every row (and there is at least one). */
export function identicalPredictions(candidate: ModelColumns, champion: ModelColumns): boolean {
  const pairs: [Column, Column][] = [
    [candidate.prediction, champion.prediction],
    [candidate.score, champion.score],
    [candidate.predictionClass, champion.predictionClass],
    [candidate.proba, champion.proba],
    [candidate.value, champion.value]
  ];
  let compared = 0;
  for (const [a, b] of pairs) {
    const same = sameColumn(a, b);
    if (same === false) return false;
    if (same) compared++;
  }
  return compared > 0;
}

/** Throws a GateError when the champion's predictions are the candidate's on every one of the n rows. */
export function assertNotSelfComparison(data: PairedData): void {
  if (!data.champion || data.n === 0) return;
  const ranked = data.queries?.rows;
  if (ranked ? !sameColumn(ranked.candidate, ranked.champion) : !identicalPredictions(data.candidate, data.champion)) return;
  throw new GateError(
    `comparing a model with itself: candidate and champion predictions are identical on all ${exampleCount(data)} rows ` +
      `(${data.candidate.file} and ${data.champion.file}) — check artifacts: the two files must come from different models`
  );
}
