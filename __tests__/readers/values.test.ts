import { canonicalKey, parseStrictNumber, ValueCoder } from '../../src/base/values.js';

describe('parseStrictNumber', () => {
  test.each([
    ['0', 0],
    ['1', 1],
    ['0.25', 0.25],
    [' 0.5 ', 0.5],
    ['-3', -3],
    ['+.5', 0.5],
    ['1.', 1],
    ['1e-3', 0.001],
    ['2E+2', 200],
    ['0001.50', 1.5]
  ])('%j → %p', (text, value) => expect(parseStrictNumber(text)).toBe(value));

  test.each(['', ' ', 'abc', '0x10', '0b1', '0o7', '1,5', '1.2.3', '.', '-', 'e5', '1e', '1e+', '0.5abc', '1_000', 'NaN', 'Infinity', '-Infinity', 'inf'])(
    '%j is not a number',
    (text) => expect(parseStrictNumber(text)).toBeNaN()
  );

  test('a literal too large for a double overflows to Infinity (callers reject it as not finite)', () => {
    expect(parseStrictNumber('1e999')).toBe(Infinity);
  });
});

describe('canonicalKey', () => {
  test.each([
    ['1', '1'],
    ['1.0', '1'],
    [' 1 ', '1'],
    ['01', '1'],
    ['1e0', '1'],
    ['-0', '0'],
    ['0.50', '0.5'],
    ['TRUE', 'true'],
    [' False ', 'false'],
    ['yes', 'yes'],
    ['Yes', 'Yes'],
    ['  spam ', 'spam'],
    ['', ''],
    ['   ', ''],
    ['1e999', '1e999']
  ])('%j → %j', (text, key) => expect(canonicalKey(text)).toBe(key));
});

describe('ValueCoder', () => {
  test('codes canonical values in order of first appearance, remembering text and line', () => {
    const coder = new ValueCoder();
    expect(['1', '0', '1.0', 'true', ' 0 ', 'TRUE'].map((t, i) => coder.code(t, i + 10))).toEqual([0, 1, 0, 2, 1, 2]);
    expect(coder.keys).toEqual(['1', '0', 'true']);
    expect(coder.texts).toEqual(['1', '0', 'true']);
    expect(coder.firstLines).toEqual([10, 11, 13]);
  });

  test('the hook runs once per new value and may throw', () => {
    const seen: string[] = [];
    const coder = new ValueCoder((key, code, line) => {
      seen.push(`${key}@${code}:${line}`);
      if (key === 'bad') throw new Error('bad');
    });
    coder.code('a', 1);
    coder.code('a', 2);
    coder.code('b', 3);
    expect(() => coder.code('bad', 4)).toThrow('bad');
    expect(seen).toEqual(['a@0:1', 'b@1:3', 'bad@2:4']);
  });
});
