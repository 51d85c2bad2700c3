import { applyBound, applyComparison, marginValue, orientedDelta } from '../../src/core/rules.js';

const est = (delta: number, low: number, high: number, champion = 0.8) => ({ champion, delta, low, high });

describe('non_inferior (docs/config.md comparison rule)', () => {
  test('higher-is-better: passes iff L > -a', () => {
    const abs = { kind: 'absolute' as const, value: 0.01 };
    expect(applyComparison('non_inferior', 1, abs, est(0, -0.0099, 0.01))).toEqual({ pass: true, threshold: -0.01, margin: 0.01 });
    expect(applyComparison('non_inferior', 1, abs, est(0, -0.01, 0.01)).pass).toBe(false); // L = -a is not > -a
    expect(applyComparison('non_inferior', 1, abs, est(0, -0.02, 0.01)).pass).toBe(false);
  });

  test('lower-is-better: passes iff U < +a', () => {
    const abs = { kind: 'absolute' as const, value: 0.02 };
    expect(applyComparison('non_inferior', -1, abs, est(0, -0.01, 0.019))).toEqual({ pass: true, threshold: 0.02, margin: 0.02 });
    expect(applyComparison('non_inferior', -1, abs, est(0, -0.01, 0.02)).pass).toBe(false);
  });

  test('relative margin is taken from |champion| point estimate', () => {
    const rel = { kind: 'relative' as const, value: 0.01 };
    expect(marginValue(rel, 0.762)).toBeCloseTo(0.00762, 15);
    expect(marginValue(rel, -2)).toBeCloseTo(0.02, 15);
    const out = applyComparison('non_inferior', 1, rel, est(0.009, -0.004, 0.021, 0.762));
    expect(out.threshold).toBeCloseTo(-0.00762, 15);
    expect(out.pass).toBe(true);
    expect(applyComparison('non_inferior', 1, rel, est(0.009, -0.008, 0.021, 0.762)).pass).toBe(false);
  });
});

describe('superior and strictly_better', () => {
  test('superior needs the bound beyond 0 on the good side', () => {
    expect(applyComparison('superior', 1, undefined, est(0.01, 0.001, 0.02)).pass).toBe(true);
    expect(applyComparison('superior', 1, undefined, est(0.01, 0, 0.02)).pass).toBe(false);
    expect(applyComparison('superior', -1, undefined, est(-0.01, -0.02, -0.001)).pass).toBe(true);
    expect(applyComparison('superior', -1, undefined, est(-0.01, -0.02, 0.001)).pass).toBe(false);
  });

  test('strictly_better looks at the point estimate; ties go to the champion', () => {
    expect(applyComparison('strictly_better', 1, undefined, est(1e-9, -1, 1)).pass).toBe(true);
    expect(applyComparison('strictly_better', 1, undefined, est(0, -1, 1)).pass).toBe(false);
    expect(applyComparison('strictly_better', -1, undefined, est(-1e-9, -1, 1)).pass).toBe(true);
    expect(applyComparison('strictly_better', -1, undefined, est(0, -1, 1)).pass).toBe(false);
  });

  test('a metric without direction cannot be compared', () => {
    expect(() => applyComparison('superior', 0, undefined, est(0, 0, 0))).toThrow(/direction/);
  });
});

test('floors and ceilings check the point estimate inclusively', () => {
  expect(applyBound('min_value', 0.2, 0.2)).toBe(true);
  expect(applyBound('min_value', 0.2, 0.1999)).toBe(false);
  expect(applyBound('max_value', 0.5, 0.5)).toBe(true);
  expect(applyBound('max_value', 0.5, 0.5001)).toBe(false);
});

test('orientedDelta makes positive mean better', () => {
  expect(orientedDelta(1, 0.01)).toBe(0.01);
  expect(orientedDelta(-1, 0.01)).toBe(-0.01);
});
