import { growFloat64, growUint32 } from '../../src/base/growable.js';
import { IdColumnBuilder } from '../../src/readers/id-column.js';

describe('Growable.reserve (array sizes from a file size estimate)', () => {
  const values = (n: number) => Array.from({ length: n }, (_, i) => i * 1.5);

  test.each([
    ['the estimate holds', 200_000, 200_000],
    ['fewer values than estimated', 300_000, 120_000],
    ['more values than estimated', 100_000, 250_000]
  ])('%s: the same values, in an array of exactly their length', (_, estimate, n) => {
    const g = growFloat64();
    const expected = values(n);
    expected.forEach((v, i) => {
      if (i === 1000) g.reserve(estimate);
      g.push(v);
    });
    const out = g.toArray();
    expect(out.length).toBe(n);
    expect(Array.from(out)).toEqual(expected);
  });

  test('a reserve smaller than what is there changes nothing', () => {
    const g = growUint32();
    for (let i = 0; i < 100_000; i++) g.push(i);
    g.reserve(10);
    g.push(7);
    expect(g.toArray().length).toBe(100_001);
  });
});

describe('IdColumnBuilder.reserve', () => {
  test.each([
    ['the estimate holds', 200_000, 200_000],
    ['fewer ids than estimated', 400_000, 150_000],
    ['more ids than estimated', 100_000, 300_000]
  ])('%s: every id back as written', (_, estimate, n) => {
    const b = new IdColumnBuilder();
    const ids = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `é-${i}` : `user-${i}-of-a-longer-set`));
    ids.forEach((id, i) => {
      if (i === 5000) b.reserve(estimate);
      b.push(id);
    });
    expect(b.finish().texts()).toEqual(ids);
  });
});
