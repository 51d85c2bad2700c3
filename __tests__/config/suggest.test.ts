import { closestMatch, didYouMean, editDistance } from '../../src/config/suggest.js';

describe('editDistance (optimal string alignment)', () => {
  test.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['primary_metrc', 'primary_metric', 1], // deletion
    ['f2', 'f1', 1], // substitution
    ['ab', 'ba', 1], // transposition counts once (plain Levenshtein says 2)
    ['relaitve', 'relative', 1],
    ['ca', 'abc', 3], // OSA: no substring edited twice (unrestricted Damerau–Levenshtein says 2)
    ['😀a', 'a', 1] // code points, not UTF-16 units
  ])('%j → %j = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestMatch', () => {
  const keys = ['primary_metric', 'compare_to', 'absolute_drop_allowed', 'relative_drop_allowed', 'rule', 'min_value', 'max_value'];

  test('finds a near miss', () => {
    expect(closestMatch('primary_metrc', keys)).toBe('primary_metric');
    expect(closestMatch('relaitve_drop_allowed', keys)).toBe('relative_drop_allowed');
    expect(closestMatch('bootstap', ['auto', 'bootstrap', 'analytic'])).toBe('bootstrap');
  });

  test('case, dashes and spaces are free', () => {
    expect(closestMatch('Primary-Metric', keys)).toBe('primary_metric');
    expect(closestMatch('F1', ['accuracy', 'f1'])).toBe('f1');
    expect(closestMatch('min value', keys)).toBe('min_value');
  });

  test('a unique prefix of at least 4 characters', () => {
    expect(closestMatch('relative_drop', keys)).toBe('relative_drop_allowed');
    expect(closestMatch('rel', keys)).toBeUndefined(); // too short
    expect(closestMatch('min_', keys)).toBe('min_value');
    expect(closestMatch('min_', [...keys, 'min_improvement_for_auto_merge'])).toBeUndefined(); // ambiguous
    expect(closestMatch('m_va', keys)).toBeUndefined();
  });

  test('nothing for far-off input', () => {
    expect(closestMatch('zzz', keys)).toBeUndefined();
    expect(closestMatch('ab', ['f1', 'mcc'])).toBeUndefined(); // distance 2 > limit 1 for a 2-letter word
    expect(closestMatch('', keys)).toBeUndefined();
    expect(closestMatch('anything', [])).toBeUndefined();
  });

  test('the distance limit grows with the length (⌊len/3⌋, at least 1)', () => {
    expect(closestMatch('xy_metric', ['primary_metric'])).toBeUndefined(); // distance 5 > 3
    expect(closestMatch('prim_metric', ['primary_metric'])).toBe('primary_metric'); // distance 3 ≤ 3
    expect(closestMatch('f9', ['f1'])).toBe('f1');
  });

  test('ties go to the earlier candidate', () => {
    expect(closestMatch('f3', ['f1', 'f2'])).toBe('f1');
    expect(closestMatch('f3', ['f2', 'f1'])).toBe('f2');
  });
});

test('didYouMean is ready to append to a message', () => {
  expect(didYouMean('primary_metrc', ['primary_metric'])).toBe('; did you mean "primary_metric"?');
  expect(didYouMean('qqq', ['primary_metric'])).toBe('');
});
