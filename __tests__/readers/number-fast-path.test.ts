/**
 * parseStrictNumber's fast path (≤ 15 significant digits, no exponent: one exact division) must give the very
 * double the slow path (regex check + parseFloat) gives, for every text, numeric or not.
 */
import fc from 'fast-check';
import { parseStrictNumber } from '../../src/base/values.js';

const STRICT_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const reference = (text: string): number => (STRICT_NUMBER.test(text) ? parseFloat(text) : NaN);

const same = (text: string) => expect(Object.is(parseStrictNumber(text), reference(text))).toBe(true);

describe('parseStrictNumber fast path', () => {
  test.each([
    '', '-', '+', '.', '-.', '0', '-0', '+0', '0.', '.0', '-.5', '00012', '1.2.3', '1e5', '1E-3', ' 1', '1 ', '0x10',
    'Infinity', 'NaN', '-0.000', '123456789012345', '1234567890123456', '0.1234567890123456789012',
    '0.00000000000000000000001', '9007199254740993', '99999999999999.9', '0.1', '0.2', '0.3', '0.7300000',
    '1.7976931348623157', '5e-324', '1,5', '٣'
  ])('%j', (text) => same(text));

  test('decimal texts of any length, sign and point position', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{0,20}$/), fc.boolean(), fc.stringMatching(/^[0-9]{0,25}$/))
      .map(([sign, int, point, frac]) => `${sign}${int}${point ? '.' : ''}${point ? frac : ''}`);
    fc.assert(fc.property(decimal, (text) => Object.is(parseStrictNumber(text), reference(text))), { numRuns: 20000 });
  });

  test('the printed forms of random doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 1, max: 21 }), (x, p) => {
        for (const text of [String(x), x.toPrecision(p), Number.isFinite(x) ? x.toFixed(Math.min(p, 20)) : 'x']) {
          if (!Object.is(parseStrictNumber(text), reference(text))) return false;
        }
        return true;
      }),
      { numRuns: 20000 }
    );
  });

  test('arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => Object.is(parseStrictNumber(text), reference(text))), { numRuns: 5000 });
  });
});
