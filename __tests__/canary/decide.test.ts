/** The pure canary decision on hand-made windows: decision rules, alpha split, messages, next weight. */
import { decideCanary } from '../../src/core/canary/decide.js';
import type { CanaryObservations, Window } from '../../src/readers/canary-window.js';
import type { CanaryConfig } from '../../src/config/canary-types.js';

const MIN = 60000;

function cfg(over: Partial<CanaryConfig>): CanaryConfig {
  return {
    source: { files: { baseline: 'b', canary: 'c' } },
    rollout: { strategy: 'canary', steps: [5, 25, 50, 100] },
    min_requests: 0,
    min_duration_minutes: 0,
    alpha: 0.05,
    compare: [],
    auto_rollback_on: [],
    ceilings: [],
    ...over
  };
}

/** `minutes` identical windows per arm. */
function obs(minutes: number, b: Omit<Window, 'time'>, c: Omit<Window, 'time'>): CanaryObservations {
  const ws = (w: Omit<Window, 'time'>) => Array.from({ length: minutes }, (_, i) => ({ ...w, time: (i + 1) * MIN }));
  return { baseline: { source: 'b', windows: ws(b) }, canary: { source: 'c', windows: ws(c) } };
}

const ctx = (minutes: number, weight = 25) => ({ since: 0, now: minutes * MIN, currentWeight: weight, generatedAt: 'T' });

test('coarse buckets: a latency comparison can never promote, and the message says which buckets to refine', () => {
  const h = { bounds: [100, 500, 1000], cumulative: [900, 995, 1000], total: 1000 };
  const r = decideCanary(
    cfg({ compare: [{ metric: 'latency_p99_ms', increase_allowed_ms: 20 }] }),
    obs(120, { requests: 1000, errors: 0, latency: h }, { requests: 1000, errors: 0, latency: h }),
    ctx(120)
  );
  expect(r.canary_result).toBe('continue');
  const c = r.canary.checks[0]!;
  expect(c.status).toBe('undecided');
  expect(c.bound_low).toBe(100 - 500);
  expect(c.bound_high).toBe(500 - 100);
  expect(c.message).toContain('the buckets around the p99 (100–500 ms and 100–500 ms) are wider than the allowed 20 ms');
  expect(c.message).toContain('add histogram buckets finer than 20 ms there');
});

test('absolute error-rate margin: equal rates are shown within 0.5 points, triple the rate is a rollback', () => {
  const compare: CanaryConfig['compare'] = [{ metric: 'error_rate', margin: { kind: 'absolute', value: 0.005 } }];
  const same = decideCanary(cfg({ compare }), obs(60, { requests: 3000, errors: 30 }, { requests: 1000, errors: 10 }), ctx(60));
  expect(same.canary_result).toBe('promote');
  expect(same.next_weight).toBe(50);
  expect(same.gate_result).toBe('pass');
  expect(same.canary.checks[0]!.bound_high!).toBeLessThan(0.005);
  const worse = decideCanary(cfg({ compare }), obs(60, { requests: 3000, errors: 30 }, { requests: 1000, errors: 30 }), ctx(60));
  expect(worse.canary_result).toBe('rollback');
  expect(worse.next_weight).toBe(0);
  expect(worse.gate_result).toBe('fail');
  expect(worse.canary.checks[0]!.bound_low!).toBeGreaterThan(0.005);
});

test('alpha is split evenly over comparisons and ceilings; the minimums hold a promote but not a rollback', () => {
  const config = cfg({
    compare: [{ metric: 'error_rate', margin: { kind: 'relative', value: 0.2 } }],
    ceilings: [{ metric: 'error_rate', op: '>', value: 0.05, text: 'error_rate > 5%' }],
    auto_rollback_on: ['error_rate > 5%'],
    min_requests: 100000,
    min_duration_minutes: 120
  });
  const fine = decideCanary(config, obs(60, { requests: 3000, errors: 30 }, { requests: 1000, errors: 10 }), ctx(60, 50));
  expect(fine.canary.checks.map((c) => c.alpha)).toEqual([0.025, 0.025]);
  expect(fine.canary_result).toBe('continue');
  expect(fine.gate_result).toBe('pending');
  expect(fine.next_weight).toBe(50);
  expect(fine.canary.decision.reason).toBe('waiting for the minimums (60000 of 100000 canary requests, 60 of 120 minutes)');
  const over = decideCanary(config, obs(3, { requests: 3000, errors: 30 }, { requests: 1000, errors: 150 }), ctx(3, 50));
  expect(over.canary_result).toBe('rollback');
  expect(over.canary.decision.reason).toMatch(/^error_rate: canary's error rate is at least [\d.]+× the baseline's, above the allowed 1\.2×; error_rate > 5%: canary's error rate is at least [\d.]+ %, over the ceiling 5 %$/);
});

test('a promote from the last step goes to 100; looks count the windows since `since`', () => {
  const r = decideCanary(
    cfg({ compare: [{ metric: 'error_rate', margin: { kind: 'relative', value: 0.5 } }] }),
    obs(240, { requests: 5000, errors: 50 }, { requests: 5000, errors: 50 }),
    ctx(240, 100)
  );
  expect(r.canary_result).toBe('promote');
  expect(r.next_weight).toBe(100);
  expect(r.canary.looks).toBe(240);
  expect(r.canary.requests).toEqual({ baseline: 1200000, canary: 1200000 });
});
