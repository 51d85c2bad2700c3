/**
 * Average precision and the weighted AUC after one sort, vs brute-force definitions: AP from the precision and
 * recall at every distinct threshold (scikit-learn's construction), AUC from all positive–negative pairs, and
 * weights = rows repeated that many times.
 */
import fc from 'fast-check';
import { auc } from '../../src/stats/delong.js';
import { averagePrecision, rank, weightedAuc } from '../../src/stats/ranking.js';

/** scikit-learn's average_precision_score, written out: Σ over distinct thresholds (high → low) of ΔR·P. */
function bruteAp(label: number[], score: number[]): number {
  const thresholds = [...new Set(score)].sort((a, b) => b - a);
  const P = label.reduce((a, b) => a + b, 0);
  let prevRecall = 0;
  let ap = 0;
  for (const t of thresholds) {
    let tp = 0;
    let k = 0;
    score.forEach((s, i) => {
      if (s >= t) {
        k++;
        tp += label[i];
      }
    });
    const recall = tp / P;
    ap += (recall - prevRecall) * (tp / k);
    prevRecall = recall;
  }
  return ap;
}

function expand(label: number[], score: number[], w: number[]): { label: number[]; score: number[] } {
  const l: number[] = [];
  const s: number[] = [];
  w.forEach((k, i) => {
    for (let j = 0; j < k; j++) {
      l.push(label[i]);
      s.push(score[i]);
    }
  });
  return { label: l, score: s };
}

const rows = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -4, max: 4 }), fc.integer({ min: 0, max: 3 })), {
    minLength: 1,
    maxLength: 40
  })
  .map((xs) => ({
    label: xs.map((x) => x[0]),
    score: xs.map((x) => x[1] / 4), // coarse scores: many ties
    weight: xs.map((x) => x[2])
  }));

test('average precision equals the threshold-by-threshold definition (ties included)', () => {
  expect(averagePrecision(Uint8Array.from([0, 1, 1, 0]), rank([0.1, 0.4, 0.35, 0.8]))).toBeCloseTo(0.5 * 0.5 + 0.5 * (2 / 3), 15);
  fc.assert(
    fc.property(rows, ({ label, score }) => {
      const ap = averagePrecision(Uint8Array.from(label), rank(score));
      if (!label.includes(1)) expect(ap).toBeNaN();
      else expect(ap).toBeCloseTo(bruteAp(label, score), 12);
    })
  );
});

test('weights act as repeated rows, for AP and AUC', () => {
  fc.assert(
    fc.property(rows, ({ label, score, weight }) => {
      const e = expand(label, score, weight);
      const r = rank(score);
      const ap = averagePrecision(Uint8Array.from(label), r, weight);
      const a = weightedAuc(Uint8Array.from(label), r, weight);
      const pos = e.label.filter((y) => y === 1).length;
      const neg = e.label.length - pos;
      if (pos === 0) expect(ap).toBeNaN();
      else expect(ap).toBeCloseTo(bruteAp(e.label, e.score), 12);
      if (pos === 0 || neg === 0) expect(a).toBeNaN();
      else expect(a).toBeCloseTo(auc(Uint8Array.from(e.label), e.score), 12);
    })
  );
});

test('unit weights give the unweighted values', () => {
  const label = Uint8Array.from([1, 0, 1, 1, 0, 0, 1, 0]);
  const score = [0.9, 0.8, 0.8, 0.3, 0.2, 0.8, 0.5, 0.1];
  const ones = new Uint32Array(8).fill(1);
  expect(weightedAuc(label, rank(score), ones)).toBe(auc(label, score));
  expect(averagePrecision(label, rank(score), ones)).toBe(averagePrecision(label, rank(score)));
});
