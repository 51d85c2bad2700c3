import { join } from 'node:path';
import fc from 'fast-check';
import { alignPredictions } from '../../src/readers/align.js';
import { IdColumn } from '../../src/readers/id-column.js';
import { testSetFingerprint } from '../../src/readers/fingerprint.js';
import { readPredictions, type Predictions } from '../../src/readers/predictions.js';
import { FIXTURES, TempDir, gateError, options } from './helpers.js';
import { textColumn, textsOf } from '../../src/readers/text-column.js';

/** Predictions built in memory: rows of [id, label, score]; prediction = score >= 0.5; line = row + 2. */
function preds(file: string, rows: [string, number, number][]): Predictions {
  return {
    file,
    n: rows.length,
    ids: IdColumn.of(rows.map((r) => r[0])),
    label: Uint8Array.from(rows, (r) => r[1]),
    score: Float64Array.from(rows, (r) => r[2]),
    prediction: Uint8Array.from(rows, (r) => (r[2] >= 0.5 ? 1 : 0)),
    lines: Uint32Array.from(rows, (_, i) => i + 2),
    extra: { segment: textColumn(rows.map((r) => `seg-${r[0]}`)) }
  };
}

const ROWS: [string, number, number][] = [
  ['a', 1, 0.9],
  ['b', 0, 0.2],
  ['c', 1, 0.4],
  ['d', 0, 0.7]
];

describe('alignPredictions', () => {
  test('reorders the champion to the candidate rows, whatever either file order', () => {
    const candidate = preds('cand.csv', ROWS);
    const champion = preds('champ.csv', [
      ['d', 0, 0.1],
      ['b', 0, 0.6],
      ['a', 1, 0.8],
      ['c', 1, 0.3]
    ]);
    const paired = alignPredictions(candidate, champion);
    expect(paired.n).toBe(4);
    expect([...paired.label]).toEqual([1, 0, 1, 0]);
    expect(paired.candidate).toEqual({ file: 'cand.csv', prediction: candidate.prediction, score: candidate.score });
    expect(paired.champion!.file).toBe('champ.csv');
    expect([...paired.champion!.score!]).toEqual([0.8, 0.6, 0.3, 0.1]);
    expect([...paired.champion!.prediction!]).toEqual([1, 1, 0, 0]);
    expect(textsOf(paired.extra.segment!)).toEqual(['seg-a', 'seg-b', 'seg-c', 'seg-d']);
    expect(paired.fingerprint).toBe(testSetFingerprint(['a', 'b', 'c', 'd'], Uint8Array.from([1, 0, 1, 0])));

    // Shuffling the candidate permutes everything consistently and keeps the fingerprint.
    const shuffled = preds('cand.csv', [ROWS[2], ROWS[0], ROWS[3], ROWS[1]]);
    const again = alignPredictions(shuffled, champion);
    expect([...again.champion!.score!]).toEqual([0.3, 0.8, 0.1, 0.6]);
    expect([...again.label]).toEqual([1, 1, 0, 0]);
    expect(again.fingerprint).toBe(paired.fingerprint);
    // Swapping roles keeps it too: it describes the test set, not a file.
    expect(alignPredictions(champion, candidate).fingerprint).toBe(paired.fingerprint);
  });

  test('without a champion: the candidate alone, still checked for duplicates', async () => {
    const paired = alignPredictions(preds('cand.csv', ROWS), undefined);
    expect(paired.champion).toBeUndefined();
    expect(paired.n).toBe(4);
    const e = await gateError(() => alignPredictions(preds('cand.csv', [...ROWS, ['b', 0, 0.1]]), undefined));
    expect(e.message).toBe(
      'candidate cand.csv has 1 duplicate id (e.g. b; id b is on lines 3 and 6); every test example must appear exactly once.'
    );
    expect(e.location).toEqual({ file: 'cand.csv', line: 6 });
  });

  test('duplicates: counted per id, smallest ids as examples, candidate checked first', async () => {
    const dupRows: [string, number, number][] = [
      ['z', 0, 0.1],
      ['m', 0, 0.1],
      ['z', 0, 0.1],
      ['a', 1, 0.5],
      ['m', 0, 0.1],
      ['z', 0, 0.1],
      ['a', 1, 0.5]
    ];
    const cand = await gateError(() => alignPredictions(preds('cand.csv', dupRows), preds('champ.csv', dupRows)));
    expect(cand.message).toBe(
      'candidate cand.csv has 3 duplicate ids (e.g. a, m, z; id a is on lines 5 and 8); every test example must appear exactly once.'
    );
    const champ = await gateError(() => alignPredictions(preds('cand.csv', ROWS), preds('champ.csv', dupRows)));
    expect(champ.message).toBe(
      'champion champ.csv has 3 duplicate ids (e.g. a, m, z; id a is on lines 5 and 8); every test example must appear exactly once.'
    );
    expect(champ.location).toEqual({ file: 'champ.csv', line: 8 });
  });

  test('ids present in only one file: counts and up to five examples from each side', async () => {
    const many: [string, number, number][] = Array.from({ length: 12 }, (_, i) => [`x${100 - i}`, 0, 0.5]);
    const e = await gateError(() =>
      alignPredictions(preds('cand.csv', [...ROWS, ...many]), preds('champ.csv', [...ROWS.slice(1), ['q r', 1, 0.5]]))
    );
    expect(e.message).toBe(
      'candidate cand.csv and champion champ.csv do not cover the same test set: 13 ids are only in cand.csv (e.g. a, x100, x89, x90, x91) and 1 id is only in champ.csv (e.g. "q r"); evaluate both models on the same rows.'
    );
    const one = await gateError(() => alignPredictions(preds('cand.csv', ROWS.slice(1)), preds('champ.csv', ROWS)));
    expect(one.message).toBe(
      'candidate cand.csv and champion champ.csv do not cover the same test set: 1 id is only in champ.csv (e.g. a); evaluate both models on the same rows.'
    );
  });

  test('the same numeric ids written differently (1.0 and 1): the message says so instead of "evaluate on the same rows"', async () => {
    const rows = (ids: string[]): [string, number, number][] => ids.map((id, i) => [id, i % 2, 0.5]);
    const e = await gateError(() => alignPredictions(preds('c.csv', rows(['1.0', '2.0', '3.0'])), preds('h.csv', rows(['1', '2', '3']))));
    expect(e.message).toBe(
      'candidate c.csv and champion h.csv do not cover the same test set: 3 ids are only in c.csv (e.g. 1.0, 2.0, 3.0) and 3 ids are only in h.csv (e.g. 1, 2, 3); ' +
        'the ids are the same numbers written differently (e.g. 1.0 and 1): write them the same way in both files ' +
        '(pandas writes integer ids as floats when the column has a missing value).'
    );
    // Numeric ids that are simply other rows keep the usual advice.
    const other = await gateError(() => alignPredictions(preds('c.csv', rows(['1', '2', '3'])), preds('h.csv', rows(['1', '2', '4']))));
    expect(other.message).toMatch(/\(e\.g\. 4\); evaluate both models on the same rows\.$/);
  });

  test('a different label for the same id', async () => {
    const champion = preds('champ.csv', [
      ['d', 1, 0.7],
      ['c', 1, 0.4],
      ['b', 1, 0.2],
      ['a', 1, 0.9]
    ]);
    const e = await gateError(() => alignPredictions(preds('cand.csv', ROWS), champion));
    expect(e.message).toBe(
      'candidate cand.csv and champion champ.csv disagree on the label of 2 ids (e.g. b, d; id b is negative at cand.csv line 3 but positive at champ.csv line 4); both files must carry the labels of the same test set.'
    );
    expect(e.location).toEqual({ file: 'cand.csv', line: 3 });
  });

  test('pairs every id with itself for any ids and row orders (property)', () => {
    const unit = fc.constantFrom('a', 'b', '1', 'é', '\uE000', '😀', '-');
    const ids = fc.uniqueArray(fc.string({ unit, minLength: 1, maxLength: 6 }), { maxLength: 60 });
    fc.assert(
      fc.property(ids, fc.infiniteStream(fc.nat()), (list, rnd) => {
        const rows: [string, number, number][] = list.map((id, i) => [id, i % 2, (i % 10) / 10]);
        const shuffled = [...rows];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        const paired = alignPredictions(preds('c.csv', rows), preds('h.csv', shuffled));
        expect([...paired.champion!.score!]).toEqual(rows.map((r) => r[2]));
        expect(paired.fingerprint).toBe(alignPredictions(preds('c.csv', shuffled), undefined).fingerprint);
      }),
      { numRuns: 200 }
    );
  });

  test('ids that differ only in characters where UTF-16 and code point order disagree', async () => {
    const e = await gateError(() =>
      alignPredictions(
        preds('c.csv', [['x😀', 1, 0.5], ['b', 0, 0.5], ['x\uE000', 1, 0.5]]),
        preds('h.csv', [['x\uE001', 1, 0.5], ['b', 0, 0.5], ['x😀', 1, 0.5]])
      )
    );
    expect(e.message).toBe(
      'candidate c.csv and champion h.csv do not cover the same test set: 1 id is only in c.csv (e.g. "x\uE000") and 1 id is only in h.csv (e.g. "x\uE001"); evaluate both models on the same rows.'
    );
  });

  test('end to end: the fixtures, with columns and rows in another order in the champion file', async () => {
    const candidate = await readPredictions(join(FIXTURES, 'candidate.csv'), options({ displayPath: 'candidate.csv' }));
    const champion = await readPredictions(join(FIXTURES, 'champion.csv'), options({ displayPath: 'champion.csv' }));
    const paired = alignPredictions(candidate, champion);
    expect([...paired.champion!.score!]).toEqual([0.8, 0.6, 0.4, 0.3, 0.7, 0.2]);
    expect([...paired.champion!.prediction!]).toEqual([1, 1, 0, 0, 1, 0]);
    expect([...paired.candidate.prediction!]).toEqual([1, 0, 0, 1, 1, 0]);
    expect(paired.fingerprint).toBe('sha256:1a925d9d730008666c7fab8267366ae7f17485f27ffde524f10bcf730b826395');
  });

  test('end to end: labels written differently in the two files still match', async () => {
    const dir = new TempDir();
    try {
      const c = dir.file('c.csv', 'id,label,score\n1,1,0.9\n2,0,0.1\n');
      const h = dir.file('h.jsonl.gz', '{"id": 2, "label": 0.0, "score": 0.3}\n{"id": 1, "label": 1.0, "score": 0.6}\n');
      const paired = alignPredictions(
        await readPredictions(c, options({ displayPath: 'c.csv' })),
        await readPredictions(h, options({ displayPath: 'h.jsonl.gz' }))
      );
      expect([...paired.champion!.score!]).toEqual([0.6, 0.3]);
    } finally {
      dir.remove();
    }
  });
});
