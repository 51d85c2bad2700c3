/** Config keys of the decision rules: rule equivalent and its margins, policy.superiority, the ledger keys. */
import { configMessage } from '../helpers/config.js';
import { parseConfig } from '../../src/config/load.js';

const F = 'model-gate.yml';
const lines = (...l: string[]) => l.join('\n') + '\n';
const perf = (...checkLines: string[]) => lines('version: 1', 'task: binary', 'gates:', '  performance:', '    primary_metric: f1', ...checkLines);

const errorOf = configMessage;

describe('rule equivalent', () => {
  test('an absolute margin, with or without the rule, gives an equivalence check', () => {
    for (const text of [perf('    rule: equivalent', '    equivalence_margin: 0.01'), perf('    equivalence_margin: 0.01')]) {
      expect(parseConfig(text, F).gates.performance!.checks[0].comparison).toEqual({
        rule: 'equivalent',
        margin: { kind: 'absolute', value: 0.01 }
      });
    }
  });

  test('a relative margin', () => {
    expect(parseConfig(perf('    relative_equivalence_margin: 0.02'), F).gates.performance!.checks[0].comparison).toEqual({
      rule: 'equivalent',
      margin: { kind: 'relative', value: 0.02 }
    });
  });

  test('both equivalence margins', () => {
    expect(errorOf(perf('    equivalence_margin: 0.01', '    relative_equivalence_margin: 0.02'))).toBe(
      `${F}:7:5: gates.performance sets both equivalence_margin and relative_equivalence_margin; keep one of them`
    );
  });

  test('rule equivalent without a margin, or with a drop margin', () => {
    expect(errorOf(perf('    rule: equivalent'))).toBe(
      `${F}:6:11: gates.performance has rule equivalent but no margin; add equivalence_margin or relative_equivalence_margin`
    );
    expect(errorOf(perf('    rule: equivalent', '    relative_drop_allowed: 0.01'))).toBe(
      `${F}:6:11: gates.performance has rule equivalent, which takes equivalence_margin, not relative_drop_allowed; did you mean relative_equivalence_margin?`
    );
  });

  test('an equivalence margin with another rule, or next to a drop margin', () => {
    expect(errorOf(perf('    rule: non_inferior', '    equivalence_margin: 0.01'))).toBe(
      `${F}:7:5: gates.performance has rule non_inferior, which takes no equivalence_margin; remove it or use rule equivalent`
    );
    expect(errorOf(perf('    absolute_drop_allowed: 0.01', '    equivalence_margin: 0.01'))).toBe(
      `${F}:6:5: gates.performance sets both equivalence_margin (rule equivalent) and absolute_drop_allowed (rule non_inferior); keep one of them`
    );
  });

  test('a misspelt key gets a did-you-mean hint', () => {
    expect(errorOf(perf('    equivalance_margin: 0.01'))).toMatch(/did you mean "equivalence_margin"\?/);
  });

  test('segments take the same keys', () => {
    const text = lines('version: 1', 'task: binary', 'gates:', '  segments:', '    - { name: a, metric: recall, equivalence_margin: 0.02 }');
    expect(parseConfig(text, F).gates.segments![0].comparison).toEqual({ rule: 'equivalent', margin: { kind: 'absolute', value: 0.02 } });
  });
});

describe('policy.superiority and the ledger keys', () => {
  test('are read', () => {
    const cfg = parseConfig(
      perf('    absolute_drop_allowed: 0.01', 'policy: { superiority: none }', 'ledger: .model-gate/ledger.json', 'max_runs_per_test_set: 20'),
      F
    );
    expect(cfg.policy.superiority).toBe('none');
    expect(cfg.ledger).toBe('.model-gate/ledger.json');
    expect(cfg.max_runs_per_test_set).toBe(20);
  });

  test('superiority takes holm or none', () => {
    expect(errorOf(perf('    absolute_drop_allowed: 0.01', 'policy: { superiority: bonferroni }'))).toMatch(
      /policy.superiority must be one of holm, none; found "bonferroni"/
    );
  });

  test('max_runs_per_test_set needs a ledger and is a positive integer', () => {
    expect(errorOf(perf('    absolute_drop_allowed: 0.01', 'max_runs_per_test_set: 5'))).toBe(
      `${F}:7:1: max_runs_per_test_set needs a ledger file to count runs in; add ledger: <path> or remove it`
    );
    expect(errorOf(perf('    absolute_drop_allowed: 0.01', 'ledger: l.json', 'max_runs_per_test_set: 0'))).toMatch(/max_runs_per_test_set/);
  });
});

test('the worked example of docs/decisions.md is a valid config', async () => {
  const { loadConfig } = await import('../../src/config/load.js');
  const { fileURLToPath } = await import('node:url');
  const file = fileURLToPath(new URL('../../examples/tradeoff/model-gate.yml', import.meta.url));
  const cfg = await loadConfig(file, 'examples/tradeoff/model-gate.yml');
  expect(cfg.gates.performance!.checks.map((c) => c.comparison?.rule)).toEqual(['superior', 'non_inferior', 'non_inferior']);
  expect(cfg.ledger).toBe('.model-gate/ledger.json');
});
