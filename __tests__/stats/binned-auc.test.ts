/**
 * DeLong on weighted rows (counts with score bins) against DeLong on the same rows expanded to one per example:
 * the same AUCs, standard error and interval to 1e-12, and the tied-pair share against its definition.
 * pROC's values for binned scores are checked in __tests__/golden/binned-delong.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import { delongPairedWeighted, weightedRowsAuc } from '../../src/stats/binned-auc.js';
import { auc, delongPaired } from '../../src/stats/delong.js';

/** A small deterministic counts table: (label, candidate bin, champion bin) → count, some counts 1, some large. */
function table(): { label: Uint8Array; cand: Float64Array; champ: Float64Array; weight: Float64Array } {
  const label: number[] = [];
  const cand: number[] = [];
  const champ: number[] = [];
  const weight: number[] = [];
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < 60; i++) {
    const y = next() < 0.35 ? 1 : 0;
    const c = Math.min(9, Math.floor((next() + 0.35 * y) * 10)) / 10;
    const h = Math.min(9, Math.floor((next() * 0.8 + 0.4 * y) * 10)) / 10;
    label.push(y);
    cand.push(c);
    champ.push(h);
    weight.push(1 + Math.floor(next() * (i % 7 === 0 ? 40 : 5)));
  }
  return { label: Uint8Array.from(label), cand: Float64Array.from(cand), champ: Float64Array.from(champ), weight: Float64Array.from(weight) };
}

function expand(t: ReturnType<typeof table>) {
  const label: number[] = [];
  const cand: number[] = [];
  const champ: number[] = [];
  t.weight.forEach((w, i) => {
    for (let k = 0; k < w; k++) {
      label.push(t.label[i]!);
      cand.push(t.cand[i]!);
      champ.push(t.champ[i]!);
    }
  });
  return { label: Uint8Array.from(label), cand: Float64Array.from(cand), champ: Float64Array.from(champ) };
}

describe('delongPairedWeighted', () => {
  test.each([0.95, 0.9])('equals row-level DeLong on the expanded rows (level %s)', (level) => {
    const t = table();
    const rows = expand(t);
    const w = delongPairedWeighted(t.label, t.cand, t.champ, t.weight, level);
    const r = delongPaired(rows.label, rows.cand, rows.champ, level);
    expect(rows.label.length).toBeGreaterThan(200);
    for (const [got, want] of [
      [w.candidate.auc, r.candidate],
      [w.champion.auc, r.champion],
      [w.delta, r.delta],
      [w.se, r.se],
      [w.low, r.low],
      [w.high, r.high]
    ] as const) {
      expect(Math.abs(got - want)).toBeLessThan(1e-12);
    }
    expect(r.se).toBeGreaterThan(0);
  });

  test('the tied-pair share is Σ_b n⁺_b·n⁻_b / (n⁺·n⁻), and bounds the change binning makes', () => {
    const t = table();
    const rows = expand(t);
    const byBin = new Map<number, [number, number]>();
    let m = 0;
    let n = 0;
    rows.label.forEach((y, i) => {
      const c = byBin.get(rows.cand[i]!) ?? [0, 0];
      c[y ? 0 : 1]++;
      byBin.set(rows.cand[i]!, c);
      if (y) m++;
      else n++;
    });
    let tied = 0;
    for (const [p, q] of byBin.values()) tied += p * q;
    const r = weightedRowsAuc(t.label, t.cand, t.weight);
    expect(Math.abs(r.tiedPairShare - tied / (m * n))).toBeLessThan(1e-15);
    expect(Math.abs(r.auc - auc(rows.label, rows.cand))).toBeLessThan(1e-12);
    // Break the ties any way (here: spread each bin's rows by an index inside the bin): the AUC moves by at most ½·share.
    const spread = Float64Array.from(rows.cand, (s, i) => s + ((i * 7919) % 1000) / 1e5);
    const unbinned = auc(rows.label, spread);
    expect(Math.abs(unbinned - r.auc)).toBeLessThanOrEqual(r.tiedPairShare / 2);
    expect(Math.abs(unbinned - r.auc)).toBeGreaterThan(0);
  });

  test('one class, a fractional weight', () => {
    expect(() => weightedRowsAuc(Uint8Array.from([1, 1]), [0.1, 0.2], [3, 4])).toThrow('ROC-AUC needs both classes; got 7 positive and 0 negative examples');
    expect(() => weightedRowsAuc(Uint8Array.from([1, 0]), [0.1, 0.2], [3, 0.5])).toThrow('row 1: weight must be a whole number, got 0.5');
  });
});
