import { recoded, textAt, textColumn, TextColumnBuilder, textsOf } from '../../src/readers/text-column.js';
import { permuteRowsInPlace, subsetRows } from '../../src/readers/subset.js';
import type { PairedData } from '../../src/readers/paired-data.js';

describe('TextColumnBuilder', () => {
  test('numbers the distinct values in order of first appearance, one byte per row while they fit', () => {
    const c = textColumn(['web', 'mobile', 'web', 'tv', 'mobile']);
    expect(c.values).toEqual(['web', 'mobile', 'tv']);
    expect([...c.codes]).toEqual([0, 1, 0, 2, 1]);
    expect(c.codes).toBeInstanceOf(Uint8Array);
    expect(textAt(c, 3)).toBe('tv');
  });

  test.each([
    [256, Uint8Array],
    [257, Uint16Array],
    [65_536, Uint16Array],
    [65_537, Uint32Array]
  ])('%d distinct values: codes widen as needed and keep every row', (distinct, Type) => {
    const b = new TextColumnBuilder();
    b.reserve(distinct + 10);
    const texts: string[] = [];
    for (let i = 0; i < distinct + 10; i++) texts.push(`v${i < distinct ? i : i % 7}`);
    for (const t of texts) b.push(t);
    const c = b.finish();
    expect(c.codes).toBeInstanceOf(Type);
    expect(c.values).toHaveLength(distinct);
    expect(textsOf(c)).toEqual(texts);
  });

  test('recoded renumbers by first appearance in the current order, keeping every row’s text', () => {
    const c = { codes: Uint8Array.of(1, 0, 1, 2), values: ['a', 'b', 'c'] };
    const r = recoded(c);
    expect(r.values).toEqual(['b', 'a', 'c']);
    expect([...r.codes]).toEqual([0, 1, 0, 2]);
    expect(textsOf(r)).toEqual(textsOf(c));
  });
});

describe('text columns under subsetRows and permuteRowsInPlace', () => {
  // Every value distinct: the list of values is as long as the rows, which must not make it look per-row.
  const data = (): PairedData => ({
    n: 4,
    label: Uint8Array.of(0, 1, 0, 1),
    extra: { user: textColumn(['u0', 'u1', 'u2', 'u3']), seg: textColumn(['a', 'b', 'a', 'b']) },
    fingerprint: 'sha256:x',
    candidate: { file: 'c.csv', prediction: Uint8Array.of(0, 1, 1, 1) }
  });

  test('a subset keeps the texts of its rows and the whole list of values', () => {
    const sub = subsetRows(data(), Uint32Array.of(3, 1));
    expect(textsOf(sub.extra.user!)).toEqual(['u3', 'u1']);
    expect(sub.extra.user!.values).toEqual(['u0', 'u1', 'u2', 'u3']);
    expect(textsOf(sub.extra.seg!)).toEqual(['b', 'b']);
  });

  test('a permutation moves the codes, not the values', () => {
    const d = permuteRowsInPlace(data(), Uint32Array.of(2, 0, 3, 1));
    expect(textsOf(d.extra.user!)).toEqual(['u2', 'u0', 'u3', 'u1']);
    expect(textsOf(d.extra.seg!)).toEqual(['a', 'a', 'b', 'b']);
    expect([...d.label]).toEqual([0, 0, 1, 1]);
  });
});
