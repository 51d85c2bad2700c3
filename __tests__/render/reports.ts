/**
 * Reports a reviewer might see, for the renderer tests: a failing binary gate, every gate family at once, a
 * waived soft failure, hostile segment and group values, and a very long one. Built by hand with the shapes the
 * engine writes, so the rendering is tested on its own.
 */
import type { CheckResult, Report } from '../../src/core/report.js';
import { gateStatus } from '../../src/core/policy.js';
import { summaryLine } from '../../src/core/summary.js';

export function check(over: Partial<CheckResult>): CheckResult {
  return {
    gate: 'performance', name: 'f1', metric: 'f1', segment: null, group: null, status: 'pass', severity: 'hard',
    n: 8000, candidate: 0.771, champion: 0.762, delta: 0.009, ci_low: -0.004, ci_high: 0.021,
    ci_method: 'bootstrap-cells', threshold: -0.00762, rule: 'non_inferior',
    message: 'Δ +0.0090, 95% CI [-0.0040, +0.0210]; lower bound -0.0040 > -0.0076: non-inferior within the margin',
    direction: 1, mde: null, ...over
  };
}

export function report(checks: CheckResult[], over: Partial<Report> = {}): Report {
  const failing = checks.filter((c) => c.status === 'fail' || c.status === 'inconclusive');
  const result = over.gate_result ?? (failing.some((c) => c.severity === 'hard') ? 'fail' : failing.length ? 'soft_fail' : 'pass');
  return {
    gate_result: result, auto_merge: false, waived: false, generated_at: '2026-11-30T12:00:00.000Z', waiver: null,
    summary: summaryLine(result, over.waived ?? false, checks), test_set: { n: 8000, fingerprint: 'sha256:3f9a0c1e5b7d2a4c' },
    // As the engine writes it: a status for each family that has checks, so the release-gates line is real.
    gates: Object.fromEntries([...new Set(checks.map((c) => c.gate))].map((g) => [g, gateStatus(checks.filter((c) => c.gate === g))])), checks,
    settings: {
      task: 'binary', primary_metric: 'f1', confidence_level: 0.95, ci_method: 'auto', resamples: 10000, seed: 42,
      min_eval_samples: 200, champion: true, waiver_label: 'model-gate:accept-soft'
    },
    ...over
  };
}

/** A failing binary gate: f1 and recall drop beyond the margin, the rest pass. */
export function failingBinary(): Report {
  return report([
    check({ name: 'f1', candidate: 0.748, champion: 0.762, delta: -0.014, ci_low: -0.0262, ci_high: -0.0021, status: 'fail',
      message: 'Δ -0.0140, 95% CI [-0.0262, -0.0021]; lower bound -0.0262 ≤ -0.0076: a drop beyond the margin is not ruled out' }),
    check({ name: 'roc_auc', metric: 'roc_auc', candidate: 0.861, champion: 0.858, delta: 0.003, ci_low: -0.0031, ci_high: 0.0091, ci_method: 'delong', threshold: -0.005 }),
    check({ name: 'recall', metric: 'recall', candidate: 0.702, champion: 0.731, delta: -0.029, ci_low: -0.047, ci_high: -0.011, threshold: -0.01, status: 'fail', severity: 'soft',
      message: 'Δ -0.0290, 95% CI [-0.0470, -0.0110]; lower bound -0.0470 ≤ -0.0100: a drop beyond the margin is not ruled out' }),
    check({ name: 'log_loss', metric: 'log_loss', candidate: 0.412, champion: 0.418, delta: -0.006, ci_low: -0.011, ci_high: -0.001, ci_method: 'paired-normal', threshold: 0.005, direction: -1 }),
    check({ name: 'precision', metric: 'precision', rule: 'min_value', candidate: 0.81, champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 0.75, message: 'candidate 0.8100 is at or above the floor 0.7500' })
  ]);
}

/** Every gate family at once, with fails, passes, an inconclusive row, skips and two rows named f1. */
export function everyFamily(): Report {
  return report([
    check({}),
    check({ name: 'roc_auc', metric: 'roc_auc', delta: 0.0021, ci_low: -0.0012, ci_high: 0.0054, candidate: 0.861, champion: 0.8589, ci_method: 'delong', threshold: -0.005, severity: 'soft' }),
    check({ name: 'ece', metric: 'ece', direction: -1, candidate: 0.031, champion: 0.027, delta: 0.004, ci_low: 0.0005, ci_high: 0.0081, threshold: 0.003, status: 'fail', severity: 'soft', ci_method: 'bootstrap-rows' }),
    check({ gate: 'segments', segment: 'new_users', name: 'f1', candidate: 0.69, champion: 0.72, delta: -0.03, ci_low: -0.061, ci_high: 0.002, threshold: -0.0144, status: 'fail', severity: 'soft', n: 640 }),
    check({ gate: 'segments', segment: 'mobile', name: 'recall', metric: 'recall', n: 120, status: 'inconclusive', delta: null, ci_low: null, ci_high: null, candidate: null, champion: null, threshold: null, message: 'only 120 rows, fewer than ci.min_eval_samples 200: not enough to decide' }),
    check({ gate: 'fairness', name: 'tpr:gender', metric: 'tpr', rule: 'max_group_gap', candidate: 0.083, champion: 0.061, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 0.05, status: 'fail', severity: 'soft', direction: 0, message: 'gap 0.0830 between f (0.7200) and m (0.8030) is above 0.0500' }),
    check({ gate: 'fairness', name: 'tpr:gender', metric: 'tpr', rule: 'max_gap_increase', candidate: 0.083, champion: 0.061, delta: 0.022, ci_low: -0.004, ci_high: 0.047, ci_method: 'bootstrap-rows', threshold: 0.02, status: 'fail', severity: 'soft', direction: 0, message: 'gap widening Δ +0.0220, 95% CI [-0.0040, +0.0470]; upper bound +0.0470 ≥ +0.0200' }),
    check({ gate: 'operations', name: 'latency_p95_ms', metric: null, rule: 'max_value', candidate: 262.7, champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 250, status: 'fail', direction: null, n: 12000, message: 'p95 latency 262.7 ms is above the ceiling 250 ms' }),
    check({ gate: 'operations', name: 'latency_p99_ms', metric: null, rule: 'max_relative_increase', candidate: 401.2, champion: 380.5, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 418.55, direction: null, n: 12000, message: 'p99 latency 401.2 ms is at or below 418.6 ms (champion 380.5 ms + 10%)' }),
    check({ gate: 'operations', name: 'error_rate', metric: null, rule: 'max_value', candidate: 0.014, champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 0.01, status: 'fail', direction: null, n: 12000, message: 'error rate 0.0140 (168 of 12000) is above 0.0100' }),
    check({ gate: 'operations', name: 'model_size_mb', metric: null, rule: 'max_value', candidate: 412.3, champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 500, direction: null, message: 'model size 412.3 MB is at or below 500 MB' }),
    check({ gate: 'data', name: 'missingness:age', metric: null, rule: 'max_value', candidate: 0.031, champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 0.05, direction: null, message: 'missing in 3.1% of rows' }),
    check({ gate: 'data', name: 'psi:income', metric: null, rule: 'max_value', candidate: 0.284, champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 0.2, status: 'fail', direction: null, message: 'PSI 0.284 over 10 bins is above 0.2' }),
    check({ gate: 'data', name: 'schema:age', metric: null, rule: 'schema', candidate: 2071, champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 0, status: 'fail', direction: null, message: '2071 values are not numbers' }),
    check({ gate: 'cost', name: 'cost_per_useful_outcome', metric: null, rule: 'max_relative_increase', candidate: 0.0123, champion: 0.0119, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 0.01309, direction: null, message: 'cost per useful outcome 0.0123 is at or below 0.0131' }),
    check({ name: 'pr_auc', metric: 'pr_auc', status: 'skipped', delta: null, ci_low: null, ci_high: null, candidate: 0.55, champion: null, threshold: null, message: 'no champion configured: comparison skipped' })
  ]);
}

/** Segment and group values that GitHub would turn into mentions, references and links. */
export const HOSTILE_VALUES = [
  '@octocat', '#12', 'https://evil.example/login', 'acme/other-repo#5 GH-7', '@acme/team', 'www.evil.example',
  `a_segment_value_without_any_space_${'x'.repeat(160)}`
];

export function hostile(): Report {
  return report(
    HOSTILE_VALUES.flatMap((v, i) => [
      check({ gate: 'segments', segment: v, name: 'recall', metric: 'recall', status: i % 2 ? 'pass' : 'fail', ci_low: i % 2 ? -0.004 : -0.012, message: `segment ${v} has 640 rows` }),
      check({ gate: 'fairness', name: `tpr:${v}`, metric: 'tpr', group: null, rule: 'max_group_gap', candidate: 0.08, champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, threshold: 0.05, status: 'fail', severity: 'soft', direction: 0, message: `gap between ${v} and others is 0.0800` })
    ])
  );
}

/** A soft failure accepted by the waiver label. */
export function waived(): Report {
  const checks = [
    check({ name: 'recall', metric: 'recall', candidate: 0.702, champion: 0.731, delta: -0.029, ci_low: -0.047, ci_high: -0.011, threshold: -0.01, status: 'fail', severity: 'soft' }),
    check({})
  ];
  return report(checks, {
    gate_result: 'pass', waived: true,
    waiver: { label: 'model-gate:accept-soft', pull_request: 7, by: 'octocat', at: '2026-11-30T10:00:00Z', commit: '5f3c2a1b9e8d7c6b' }
  });
}

/** 601 checks, 12 failing: more than a comment may hold. */
export function huge(): Report {
  const checks: CheckResult[] = [];
  for (let i = 0; i < 601; i++) {
    checks.push(check({ gate: 'segments', segment: `region_${String(i).padStart(3, '0')}`, name: 'recall', metric: 'recall', status: i % 50 === 0 ? 'fail' : 'pass' }));
  }
  return report(checks);
}
