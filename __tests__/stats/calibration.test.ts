/** ECE as docs/statistics.md defines it, and its weighted / paired forms used by the row bootstrap. */
import fc from 'fast-check';
import { calibrationResiduals, ece, eceBins, eceDebiased, ECE_BINS, pairedEceDelta } from '../../src/stats/calibration.js';

/** The formula as docs/statistics.md writes it: Σ_b (n_b/n)·|mean(label)_b − mean(score)_b|. */
function specEce(label: number[], p: number[]): number {
  let total = 0;
  for (let b = 0; b < 10; b++) {
    const idx = p.map((s, i) => [s, i] as const).filter(([s]) => Math.min(Math.floor(s * 10), 9) === b).map(([, i]) => i);
    if (idx.length === 0) continue;
    const my = idx.reduce((a, i) => a + label[i], 0) / idx.length;
    const ms = idx.reduce((a, i) => a + p[i], 0) / idx.length;
    total += (idx.length / label.length) * Math.abs(my - ms);
  }
  return total;
}

test('bins: min(floor(10p), 9); 1.0 goes to the last bin; values outside [0, 1] throw', () => {
  expect(Array.from(eceBins([0, 0.05, 0.1, 0.55, 0.99, 1]))).toEqual([0, 0, 1, 5, 9, 9]);
  expect(() => eceBins([0.5, 1.2])).toThrow(/row 1/);
  expect(() => eceBins([Number.NaN])).toThrow(RangeError);
});

test('equals the documented formula; weights act as repeated rows; the paired delta is the difference', () => {
  const data = fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 50 });
  fc.assert(
    fc.property(data, (xs) => {
      const label = xs.map((x) => x[0]);
      const p = xs.map((x) => x[1]);
      const q = xs.map((x) => x[2]);
      const w = Uint32Array.from(xs.map((x) => x[3]));
      const y = Uint8Array.from(label);
      expect(ece(y, p, eceBins(p))).toBeCloseTo(specEce(label, p), 12);
      const total = w.reduce((a, b) => a + b, 0);
      if (total === 0) {
        expect(ece(y, p, eceBins(p), w)).toBeNaN();
        return;
      }
      const el: number[] = [];
      const ep: number[] = [];
      w.forEach((k, i) => {
        for (let j = 0; j < k; j++) {
          el.push(label[i]);
          ep.push(p[i]);
        }
      });
      expect(ece(y, p, eceBins(p), w)).toBeCloseTo(specEce(el, ep), 12);
      // pairedEceDelta assumes the weights sum to the number of rows (a bootstrap resample).
      if (total === xs.length) {
        const d = pairedEceDelta(calibrationResiduals(y, p), eceBins(p), calibrationResiduals(y, q), eceBins(q), w, new Float64Array(ECE_BINS), new Float64Array(ECE_BINS));
        expect(d).toBeCloseTo(ece(y, p, eceBins(p), w) - ece(y, q, eceBins(q), w), 12);
      }
    })
  );
});

test('debiased ECE: each bin contributes √max(0, S² − V̂) with V̂ the unbiased variance estimate of its sum', () => {
  // Bin 5: residuals 0.5, −0.1, 0.3, 0.1 → S = 0.8, Σr² = 0.36, V̂ = (0.36 − 0.8²/4)·4/3 = 0.26667.
  // Bin 2: 0.05, −0.05 → S = 0, so its gap is all noise and counts 0 (the plug-in ECE counts 0 too, by luck).
  // Bin 9: one row, no variance estimate → |S| = 0.2.
  const residual = Float64Array.from([0.5, -0.1, 0.3, 0.1, 0.05, -0.05, -0.2]);
  const bins = Uint8Array.from([5, 5, 5, 5, 2, 2, 9]);
  expect(eceDebiased(residual, bins)).toBeCloseTo((Math.sqrt(0.64 - 0.8 / 3) + 0 + 0.2) / 7, 14);
  // Always at most the plug-in ECE (|S|/n per bin), equal when every bin is a single row.
  expect(eceDebiased(residual, bins)).toBeLessThan((0.8 + 0 + 0.2) / 7);
  expect(eceDebiased(Float64Array.from([0.3, -0.4]), Uint8Array.from([1, 7]))).toBeCloseTo(0.35, 14);
  expect(eceDebiased(new Float64Array(0), new Uint8Array(0))).toBeNaN();
});
