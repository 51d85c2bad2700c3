import { cellsBootstrap } from '../../src/stats/bootstrap.js';
import { binaryMetric, confusionOf, pairedCells } from '../../src/stats/confusion.js';
import { Rng, deriveSeed } from '../../src/stats/prng.js';
import { quantileSorted } from '../../src/stats/quantile.js';

const { floor, abs, sqrt } = Math;

const f1Delta = (c: ArrayLike<number>) =>
  binaryMetric('f1', confusionOf(c, 'candidate')) - binaryMetric('f1', confusionOf(c, 'champion'));

/** A small paired dataset with the given joint cell counts, as rows. */
function rowsFromCells(cells: number[]): { label: Uint8Array; champion: Uint8Array; candidate: Uint8Array } {
  const n = cells.reduce((a, b) => a + b, 0);
  const label = new Uint8Array(n);
  const champion = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  let i = 0;
  cells.forEach((count, idx) => {
    for (let k = 0; k < count; k++, i++) {
      label[i] = idx >> 2;
      champion[i] = (idx >> 1) & 1;
      candidate[i] = idx & 1;
    }
  });
  return { label, champion, candidate };
}

describe('cellsBootstrap', () => {
  test('equals a brute-force row bootstrap within Monte Carlo error', () => {
    // 200 rows; the candidate fixes some of the champion's mistakes and makes a few of its own.
    const cellCounts = [70, 8, 12, 10, 9, 6, 15, 70];
    const data = rowsFromCells(cellCounts);
    const n = data.label.length;
    const B = 20000;
    const level = 0.95;

    // Brute force: draw n row indices with replacement, count them, evaluate.
    const rng = new Rng(deriveSeed(1, 'row bootstrap'));
    const rows = new Uint32Array(n);
    const brute = new Float64Array(B);
    let bruteSum = 0;
    let bruteSq = 0;
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < n; i++) rows[i] = floor(rng.nextFloat() * n);
      const v = f1Delta(pairedCells(data.label, data.champion, data.candidate, rows));
      brute[b] = v;
      bruteSum += v;
      bruteSq += v * v;
    }
    brute.sort();
    const bruteLow = quantileSorted(brute, 0.025);
    const bruteHigh = quantileSorted(brute, 0.975);

    const cells = pairedCells(data.label, data.champion, data.candidate);
    expect(Array.from(cells)).toEqual(cellCounts);
    let sum = 0;
    let sq = 0;
    const got = cellsBootstrap(
      cells,
      (c) => {
        const v = f1Delta(c);
        sum += v;
        sq += v * v;
        return v;
      },
      { resamples: B, seed: deriveSeed(1, 'cells bootstrap'), confidenceLevel: level }
    );
    expect(got.resamples).toBe(B);

    // Same bootstrap distribution: mean and sd within Monte Carlo error of each other.
    const mean1 = bruteSum / B;
    const sd1 = sqrt(bruteSq / B - mean1 * mean1);
    const mean2 = sum / B;
    const sd2 = sqrt(sq / B - mean2 * mean2);
    expect(abs(mean1 - mean2)).toBeLessThan(5 * sd1 * sqrt(2 / B));
    expect(abs(sd1 - sd2) / sd1).toBeLessThan(5 * sqrt(1 / B)); // sd's relative SE ≈ 1/√(2B), per sample
    // Percentile bounds: each has a Monte Carlo SE of about √(q(1−q)/B)/density ≈ 0.03·sd here.
    expect(abs(got.low - bruteLow)).toBeLessThan(0.15 * sd1);
    expect(abs(got.high - bruteHigh)).toBeLessThan(0.15 * sd1);
  });

  test('matches the Wald interval for a proportion at large n', () => {
    // Candidate accuracy with n = 10,000 and p = 0.8: 0.8 ± 1.96·√(0.8·0.2/10000) = [0.79216, 0.80784].
    const cells = new Float64Array([1000, 500, 500, 500, 500, 500, 500, 6000]);
    const acc = (c: Float64Array) => binaryMetric('accuracy', confusionOf(c, 'candidate'));
    expect(acc(cells)).toBeCloseTo(0.8, 15);
    const r = cellsBootstrap(cells, acc, { resamples: 20000, seed: 3, confidenceLevel: 0.95 });
    const half = 1.959963984540054 * sqrt((0.8 * 0.2) / 10000);
    expect(abs(r.low - (0.8 - half))).toBeLessThan(0.06 * half);
    expect(abs(r.high - (0.8 + half))).toBeLessThan(0.06 * half);
    // A 90 % interval is narrower: z = 1.645.
    const r90 = cellsBootstrap(cells, acc, { resamples: 20000, seed: 3, confidenceLevel: 0.9 });
    expect(abs(r90.high - r90.low - (2 * half * 1.644853626951472) / 1.959963984540054)).toBeLessThan(0.06 * half);
  });

  test('is deterministic for a seed, and the seed matters', () => {
    const cells = new Float64Array([70, 8, 12, 10, 9, 6, 15, 70]);
    const opts = { resamples: 2000, seed: deriveSeed(42, 'performance/f1'), confidenceLevel: 0.95 };
    const a = cellsBootstrap(cells, f1Delta, opts);
    const b = cellsBootstrap(cells, f1Delta, opts);
    expect(b).toEqual(a);
    const c = cellsBootstrap(cells, f1Delta, { ...opts, seed: deriveSeed(42, 'performance/recall') });
    expect([c.low, c.high]).not.toEqual([a.low, a.high]);
    expect(a.low).toBeLessThanOrEqual(a.high);
  });

  test('reuses one buffer and leaves the input cells alone', () => {
    const cells = new Float64Array([5, 5, 5, 5, 5, 5, 5, 5]);
    const seen = new Set<Float64Array>();
    cellsBootstrap(
      cells,
      (c) => {
        seen.add(c);
        expect(c.reduce((x, y) => x + y, 0)).toBe(40);
        return c[0]!;
      },
      { resamples: 100, seed: 1, confidenceLevel: 0.95 }
    );
    expect(seen.size).toBe(1);
    expect(seen.has(cells)).toBe(false);
    expect(Array.from(cells)).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
  });

  test('a degenerate sample gives a zero-width interval', () => {
    // Both models agree on every row: Δ is 0 in every resample.
    const cells = new Float64Array([40, 0, 0, 10, 5, 0, 0, 45]);
    expect(cellsBootstrap(cells, f1Delta, { resamples: 500, seed: 9, confidenceLevel: 0.95 })).toEqual({
      low: 0,
      high: 0,
      resamples: 500
    });
  });

  test('10,000 resamples of 8 cells over ten million rows: work grows with cells and resamples, not rows', () => {
    const cells = new Float64Array([4e6, 2e5, 1e5, 3e5, 2e5, 1e5, 3e5, 4.8e6]);
    const opts = { resamples: 10000, seed: 42, confidenceLevel: 0.95 };
    let calls = 0;
    let draws = 0;
    const next = Rng.prototype.nextUint32;
    Rng.prototype.nextUint32 = function (this: Rng) {
      draws++;
      return next.call(this);
    };
    let r;
    try {
      r = cellsBootstrap(cells, (c) => (calls++, f1Delta(c)), opts);
    } finally {
      Rng.prototype.nextUint32 = next;
    }
    expect(r.low).toBeLessThan(r.high);
    expect(calls).toBe(10000);
    // A few binomial draws per cell and resample; resampling rows would take 10^7 per resample.
    expect(draws / opts.resamples).toBeLessThan(8 * 20);
  });

  test('rejects bad input', () => {
    const cells = new Float64Array([1, 1, 1, 1, 1, 1, 1, 1]);
    const ok = { resamples: 10, seed: 1, confidenceLevel: 0.95 };
    expect(() => cellsBootstrap(new Float64Array(8), f1Delta, ok)).toThrow(RangeError);
    expect(() => cellsBootstrap(new Float64Array([1.5, 1, 1, 1, 1, 1, 1, 1]), f1Delta, ok)).toThrow(RangeError);
    expect(() => cellsBootstrap(cells, f1Delta, { ...ok, resamples: 0 })).toThrow(RangeError);
    expect(() => cellsBootstrap(cells, f1Delta, { ...ok, confidenceLevel: 1 })).toThrow(RangeError);
    expect(() => cellsBootstrap(cells, () => Number.NaN, ok)).toThrow(/NaN/);
  });
});
