/**
 * Config mistakes users make, and what they are told: YAML indentation errors at the line to fix with a plain
 * hint, a percent string where a fraction is expected, and margins that are valid but cannot be meant.
 */
import { parseConfig } from '../../src/config/load.js';

const perf = (body: string) => `version: 1\ntask: binary\ngates:\n  performance:\n${body}`;
const message = (text: string): string => {
  try {
    parseConfig(text, 'g.yml');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('YAML indentation', () => {
  test('a key one space short points at that line and says how far to indent it', () => {
    expect(message(perf('    primary_metric: f1\n   relative_drop_allowed: 0.01\n'))).toBe(
      'g.yml:6:4: invalid YAML: line 6 is indented 3 spaces, which lines up with no key above it; YAML nests by indentation, ' +
        'so indent it exactly like the key it belongs with (probably 4 spaces, as line 5: primary_metric: f1)'
    );
  });

  test('a key indented under a key that has a value points at the indented line, not the line before', () => {
    expect(message(perf('    primary_metric: f1\n      relative_drop_allowed: 0.01\n'))).toMatch(
      /^g\.yml:6:7: invalid YAML: line 6 is indented more than line 5 \(primary_metric: f1\), which already has a value/
    );
  });

  test('a list item key out of line, and a tab', () => {
    expect(message(perf('    primary_metric: f1\n    metrics:\n      - metric: roc_auc\n       absolute_drop_allowed: 0.01\n'))).toMatch(
      /^g\.yml:8:8: .*probably 8 spaces, as line 7: - metric: roc_auc\)$/
    );
    expect(message(perf('\tprimary_metric: f1\n'))).toBe(
      'g.yml:5:1: invalid YAML: line 5 is indented with a tab; YAML indents with spaces only, so replace the tab with spaces'
    );
  });
});

test('a percent string suggests the fraction', () => {
  expect(message(perf('    primary_metric: f1\n    relative_drop_allowed: "1%"\n'))).toBe(
    'g.yml:6:28: gates.performance.relative_drop_allowed must be a number; found the text "1%"; rates and margins are fractions: write 1% as 0.01'
  );
  expect(message(perf('    primary_metric: f1\n    absolute_drop_allowed: 2.5 %\n'))).toMatch(/write 2\.5% as 0\.025$/);
});

describe('implausible margins are warned, not rejected', () => {
  test('a relative margin of half the champion or more', () => {
    const c = parseConfig(perf('    primary_metric: f1\n    relative_drop_allowed: 0.5\n'), 'g.yml');
    expect(c.warnings).toEqual([
      'g.yml:6:28: relative_drop_allowed 0.5 lets the candidate be 50% worse than the champion on f1 and still pass; margins are fractions (0.01 is 1%), so check that this is meant'
    ]);
  });

  test("an absolute margin as wide as the metric's range, per metric in a list", () => {
    const c = parseConfig(
      perf('    primary_metric: f1\n    absolute_drop_allowed: 0.01\n    metrics:\n      - { metric: roc_auc, absolute_drop_allowed: 1 }\n      - { metric: log_loss, absolute_drop_allowed: 5 }\n'),
      'g.yml'
    );
    expect(c.warnings).toHaveLength(1);
    expect(c.warnings![0]).toMatch(/^g\.yml:8:\d+: absolute_drop_allowed 1 is at least the whole range of roc_auc \(1\), so this check can never fail/);
  });

  test('ordinary margins give no warning', () => {
    expect(parseConfig(perf('    primary_metric: f1\n    relative_drop_allowed: 0.02\n'), 'g.yml').warnings).toBeUndefined();
  });
});
