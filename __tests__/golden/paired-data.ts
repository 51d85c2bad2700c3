/** PairedData built from the golden fixtures, the way the readers hand it to the engine. */
import type { CiSettings } from '../../src/config/types.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import type { BinaryCase, MulticlassCase, RegressionCase } from './fixtures.js';

export function binaryData(fx: BinaryCase): PairedData {
  return {
    n: fx.n,
    label: Uint8Array.from(fx.label),
    extra: {},
    fingerprint: 'sha256:golden',
    candidate: {
      file: 'candidate.csv',
      score: Float64Array.from(fx.candidate_score),
      prediction: Uint8Array.from(fx.candidate_prediction)
    },
    champion: {
      file: 'champion.csv',
      score: Float64Array.from(fx.champion_score),
      prediction: Uint8Array.from(fx.champion_prediction)
    }
  };
}

export function multiclassData(fx: MulticlassCase): PairedData {
  const index = new Map(fx.classes.map((c, j) => [c, j]));
  const classOf = (xs: string[]) => Uint32Array.from(xs, (x) => index.get(x)!);
  return {
    n: fx.n,
    label: new Uint8Array(fx.n),
    classes: [...fx.classes],
    labelClass: classOf(fx.label),
    extra: {},
    fingerprint: 'sha256:golden',
    candidate: {
      file: 'candidate.csv',
      predictionClass: classOf(fx.candidate_prediction),
      proba: Float64Array.from(fx.candidate_proba.flat())
    },
    champion: {
      file: 'champion.csv',
      predictionClass: classOf(fx.champion_prediction),
      proba: Float64Array.from(fx.champion_proba.flat())
    }
  };
}

export function regressionData(fx: RegressionCase): PairedData {
  return {
    n: fx.n,
    label: new Uint8Array(fx.n),
    target: Float64Array.from(fx.label),
    extra: {},
    fingerprint: 'sha256:golden',
    candidate: { file: 'candidate.csv', value: Float64Array.from(fx.candidate_prediction) },
    champion: { file: 'champion.csv', value: Float64Array.from(fx.champion_prediction) }
  };
}

/** The same data without a champion (first run). */
export function withoutChampion(d: PairedData): PairedData {
  return { ...d, champion: undefined };
}

export function ciSettings(over: Partial<CiSettings> = {}): CiSettings {
  return { method: 'auto', confidence_level: 0.95, min_eval_samples: 0, resamples: 10000, seed: 20240611, ...over };
}
