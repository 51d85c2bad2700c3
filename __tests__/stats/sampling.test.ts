import { normalCdf } from '../../src/stats/distributions.js';
import { Rng, deriveSeed } from '../../src/stats/prng.js';
import { binomial, multinomial, stirlingTail } from '../../src/stats/sampling.js';

// Jest runs tests in a vm sandbox where each global lookup (Math, Number) is slow; hot loops use locals.
const { floor, min, max, sqrt, abs } = Math;

/**
 * The exact Binomial(n, p) pmf on the range where it matters, by the ratio recurrence
 * f(k+1)/f(k) = (n−k)/(k+1) · p/(1−p) walked outwards from the mode and normalised at the end.
 * Independent of the samplers: no rejection, no Stirling series.
 */
function binomialPmf(n: number, p: number): { lo: number; pmf: Float64Array } {
  const mode = Math.floor((n + 1) * p);
  const ratio = p / (1 - p);
  const up: number[] = [];
  const down: number[] = [];
  let f = 1;
  for (let k = mode; k < n && f > 1e-30; k++) {
    f *= ((n - k) / (k + 1)) * ratio;
    up.push(f);
  }
  f = 1;
  for (let k = mode; k > 0 && f > 1e-30; k--) {
    f *= k / (n - k + 1) / ratio;
    down.push(f);
  }
  const values = [...down.reverse(), 1, ...up];
  const total = values.reduce((a, b) => a + b, 0);
  return { lo: mode - down.length, pmf: Float64Array.from(values, (v) => v / total) };
}

/** Upper tail of the chi-square distribution (Wilson–Hilferty), good to ~1e-3 relative for df ≥ 10. */
function chiSquareUpperTail(x: number, df: number): number {
  const h = 2 / (9 * df);
  return 1 - normalCdf((Math.cbrt(x / df) - (1 - h)) / Math.sqrt(h));
}

/**
 * Pearson's goodness-of-fit p-value of `draws` against Binomial(n, p), with neighbouring values pooled until
 * every bin expects at least 10 (the tails beyond the computed range go into the end bins).
 */
function goodnessOfFit(draws: Float64Array, n: number, p: number): { pValue: number; df: number } {
  const { lo, pmf } = binomialPmf(n, p);
  const N = draws.length;
  const observed = new Float64Array(pmf.length);
  for (const x of draws) {
    const i = min(pmf.length - 1, max(0, x - lo));
    observed[i]!++;
  }
  let chi2 = 0;
  let bins = 0;
  let e = 0;
  let o = 0;
  for (let i = 0; i < pmf.length; i++) {
    e += pmf[i]! * N;
    o += observed[i]!;
    if (e >= 10 && (pmf.length - 1 - i) > 0) {
      chi2 += ((o - e) * (o - e)) / e;
      bins++;
      e = 0;
      o = 0;
    }
  }
  // Whatever is left joins the last bin (adds a fraction of a bin to its expectation).
  chi2 += e > 0 ? ((o - e) * (o - e)) / e : 0;
  bins++;
  return { pValue: chiSquareUpperTail(chi2, bins - 1), df: bins - 1 };
}

function draw(rng: Rng, N: number, n: number, p: number): Float64Array {
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = binomial(rng, n, p);
  return out;
}

function meanVar(xs: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

describe('binomial', () => {
  // (n, p) regimes: inversion (n·p < 10), BTRD near and far above the switch, the symmetric branch,
  // and the large-n regimes of a 10M-row bootstrap.
  const regimes: Array<[number, number, string]> = [
    [1, 0.5, 'Bernoulli'],
    [20, 0.3, 'inversion'],
    [100, 0.05, 'inversion'],
    [1e8, 5e-8, 'inversion, huge n'],
    [50, 0.9, 'inversion via symmetry'],
    [20, 0.5, 'BTRD at n·p = 10'],
    [40, 0.26, 'BTRD, small n'],
    [1000, 0.5, 'BTRD'],
    [1e7, 1e-4, 'BTRD, n·p = 1000'],
    [1e7, 0.3, 'BTRD, large n'],
    [1e8, 0.97, 'BTRD via symmetry, n = 1e8']
  ];

  test.each(regimes)('n=%d p=%d (%s) fits the exact pmf', (n, p) => {
    const rng = new Rng(deriveSeed(2024, `binomial ${n} ${p}`));
    const N = 200000;
    const xs = draw(rng, N, n, p);
    expect(xs.every((x) => floor(x) === x && x >= 0 && x <= n)).toBe(true);
    const { pValue } = goodnessOfFit(xs, n, p);
    expect(pValue).toBeGreaterThan(1e-3);
    const { mean, variance } = meanVar(xs);
    const v = n * p * (1 - p);
    // Mean within 5 standard errors; variance within 5 standard errors (≈ v·√(2/N) for a near-normal law).
    expect(abs(mean - n * p)).toBeLessThan(5 * sqrt(v / N));
    expect(abs(variance - v)).toBeLessThan(5 * v * sqrt(2 / N) + 5 * sqrt(v / N));
  });

  test('a sampler with a wrong distribution fails the goodness-of-fit check', () => {
    // Guard on the test itself: Binomial(1e7, 0.3) passed off as Binomial(1e7, 0.30003) must be rejected.
    const rng = new Rng(5);
    const xs = draw(rng, 200000, 1e7, 0.3);
    expect(goodnessOfFit(xs, 1e7, 0.30003).pValue).toBeLessThan(1e-6);
    // Same for a normal approximation rounded to integers at small n (wrong skew and tails).
    const r2 = new Rng(6);
    const ys = new Float64Array(200000);
    for (let i = 0; i < ys.length; i++) {
      const u = r2.nextFloat() || 1e-12;
      const w = r2.nextFloat();
      const z = sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
      ys[i] = min(40, max(0, Math.round(40 * 0.26 + z * sqrt(40 * 0.26 * 0.74))));
    }
    expect(goodnessOfFit(ys, 40, 0.26).pValue).toBeLessThan(1e-6);
  });

  test('edge cases: n = 0, p = 0, p = 1', () => {
    const rng = new Rng(1);
    expect(binomial(rng, 0, 0.3)).toBe(0);
    expect(binomial(rng, 1e8, 0)).toBe(0);
    expect(binomial(rng, 1e8, 1)).toBe(1e8);
    expect(binomial(rng, 7, 1)).toBe(7);
  });

  test('rejects invalid arguments', () => {
    const rng = new Rng(1);
    expect(() => binomial(rng, -1, 0.5)).toThrow(RangeError);
    expect(() => binomial(rng, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomial(rng, 10, 1.5)).toThrow(RangeError);
    expect(() => binomial(rng, 10, Number.NaN)).toThrow(RangeError);
  });

  test('is deterministic for a seed', () => {
    const a = draw(new Rng(9), 1000, 1e7, 0.3);
    const b = draw(new Rng(9), 1000, 1e7, 0.3);
    expect(b).toEqual(a);
  });

  test('takes O(1) expected work in n: the random numbers drawn do not grow with n', () => {
    // Work is counted in 32-bit draws from the generator (every uniform costs two): an inversion or sum-of-
    // Bernoullis sampler would draw about n·p per variate, 3·10^7 at n = 10^8.
    const uses = (n: number) => {
      const rng = new Rng(11);
      let calls = 0;
      const next = rng.nextUint32.bind(rng);
      rng.nextUint32 = () => (calls++, next());
      draw(rng, 10000, n, 0.3);
      return calls / 10000;
    };
    const small = uses(1e4);
    const large = uses(1e8);
    expect(small).toBeLessThan(20);
    expect(large).toBeLessThan(20);
    expect(large).toBeLessThan(2 * small);
  });

  test('the Stirling remainder table and series agree with ln k! − Stirling', () => {
    let lnFact = 0;
    for (let k = 0; k <= 30; k++) {
      if (k > 0) lnFact += Math.log(k);
      const exact = lnFact - (k + 0.5) * Math.log(k + 1) + (k + 1) - 0.5 * Math.log(2 * Math.PI);
      expect(Math.abs(stirlingTail(k) - exact)).toBeLessThan(1e-12);
    }
  });
});

describe('multinomial', () => {
  test('counts sum to n and follow the multinomial means and covariances', () => {
    const probs = [0.5, 0.3, 0, 0.15, 0.05];
    const n = 1000;
    const N = 50000;
    const rng = new Rng(77);
    const out = new Float64Array(probs.length);
    const sums = new Float64Array(probs.length);
    const sq = new Float64Array(probs.length);
    let cross01 = 0;
    let bad = 0;
    for (let t = 0; t < N; t++) {
      multinomial(rng, n, probs, out);
      let total = 0;
      for (let i = 0; i < out.length; i++) {
        const x = out[i]!;
        if (!(floor(x) === x && x >= 0)) bad++;
        total += x;
        sums[i]! += x;
        sq[i]! += x * x;
      }
      if (total !== n || out[2] !== 0) bad++;
      cross01 += out[0]! * out[1]!;
    }
    expect(bad).toBe(0);
    for (let i = 0; i < probs.length; i++) {
      const p = probs[i]!;
      const mean = sums[i]! / N;
      const variance = sq[i]! / N - mean * mean;
      const v = n * p * (1 - p);
      expect(Math.abs(mean - n * p)).toBeLessThanOrEqual(5 * Math.sqrt(v / N));
      expect(Math.abs(variance - v)).toBeLessThanOrEqual(5 * v * Math.sqrt(2 / N) + 1e-9);
    }
    // Cov(X0, X1) = −n·p0·p1 = −150.
    const cov = cross01 / N - (sums[0]! / N) * (sums[1]! / N);
    expect(Math.abs(cov - -150)).toBeLessThan(5 * Math.sqrt((250 * 210 + 150 * 150) / N));
  });

  test('accepts unnormalised weights (integer counts) with the same law', () => {
    const rng = new Rng(5);
    const counts = new Float64Array([50, 30, 15, 5]);
    const out = new Float64Array(4);
    const sums = new Float64Array(4);
    const N = 20000;
    for (let t = 0; t < N; t++) {
      multinomial(rng, 100, counts, out);
      for (let i = 0; i < 4; i++) sums[i]! += out[i]!;
    }
    for (let i = 0; i < 4; i++) {
      const p = counts[i]! / 100;
      expect(Math.abs(sums[i]! / N - 100 * p)).toBeLessThan(5 * Math.sqrt((100 * p * (1 - p)) / N));
    }
  });

  test('puts everything in the only cell with weight, and handles n = 0', () => {
    const rng = new Rng(1);
    const out = new Float64Array(3);
    multinomial(rng, 12345, [0, 7, 0], out);
    expect(Array.from(out)).toEqual([0, 12345, 0]);
    multinomial(rng, 0, [1, 2, 3], out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  test('rejects bad input', () => {
    const rng = new Rng(1);
    expect(() => multinomial(rng, 5, [0.5, 0.5], new Float64Array(3))).toThrow(RangeError);
    expect(() => multinomial(rng, 5, [0, 0], new Float64Array(2))).toThrow(RangeError);
    expect(() => multinomial(rng, 5, [-1, 2], new Float64Array(2))).toThrow(RangeError);
  });
});
