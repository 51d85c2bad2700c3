/** The counts reader: weights, canonical row order, champion-less files, and an error for each kind of bad input. */
import { afterAll, describe, expect, test } from '@jest/globals';
import { DEFAULT_COLUMNS } from '../../src/config/types.js';
import { readCounts, type ReadCountsOptions } from '../../src/readers/counts.js';
import { gateError, TempDir } from '../readers/helpers.js';
import { textsOf } from '../../src/readers/text-column.js';

const dir = new TempDir();
afterAll(() => dir.remove());

const options = (over: Partial<ReadCountsOptions> = {}): ReadCountsOptions => ({
  displayPath: 'counts.csv',
  columns: DEFAULT_COLUMNS,
  positiveLabel: '1',
  losses: [],
  extraColumns: [],
  ...over
});

const HEAD = 'label,champion_prediction,candidate_prediction,segment,count\n';

describe('readCounts', () => {
  test('rows become weighted rows in a canonical order, zero counts left out', async () => {
    const a = dir.file('a.csv', HEAD + '1,1,0,web,5\n0,0,0,web,7\n1,1,1,mobile,0\n0,1,0,mobile,3\n');
    const b = dir.file('b.jsonl.gz', [
      '{"label": 0, "champion_prediction": 1, "candidate_prediction": 0, "segment": "mobile", "count": 3}',
      '{"label": 0, "champion_prediction": 0, "candidate_prediction": 0, "segment": "web", "count": 7}',
      '{"label": 1, "champion_prediction": 1, "candidate_prediction": 0, "segment": "web", "count": 5}'
    ].join('\n'));
    const da = await readCounts(a, options({ extraColumns: ['segment'] }));
    const db = await readCounts(b, options({ displayPath: 'b.jsonl.gz', extraColumns: ['segment'] }));
    expect(da.n).toBe(3);
    // Sorted by label, candidate prediction, champion prediction, segment.
    expect([...da.weight!]).toEqual([7, 3, 5]);
    expect([...da.label]).toEqual([0, 0, 1]);
    expect([...da.candidate.prediction!]).toEqual([0, 0, 0]);
    expect([...da.champion!.prediction!]).toEqual([0, 1, 1]);
    expect(textsOf(da.extra.segment!)).toEqual(['web', 'mobile', 'web']);
    // The same content in another format and order reads the same.
    expect({ ...db, candidate: { ...db.candidate, file: 'x' }, champion: { ...db.champion!, file: 'x' } }).toEqual({
      ...da,
      candidate: { ...da.candidate, file: 'x' },
      champion: { ...da.champion!, file: 'x' }
    });
  });

  test('labels as text with positive_label, and no champion column means no champion', async () => {
    const f = dir.file('t.csv', 'label,candidate_prediction,count\nyes,yes,4\nno,yes,2\nno,no,9\n');
    const d = await readCounts(f, options({ positiveLabel: 'yes' }));
    expect(d.champion).toBeUndefined();
    expect([...d.label]).toEqual([0, 0, 1]);
    expect([...d.weight!]).toEqual([9, 2, 4]);
  });

  test('repeated combinations read the same in any order', async () => {
    const head = 'label,candidate_prediction,count,candidate_brier_sum\n';
    const rows = ['1,1,2,0.25', '1,1,2,0.5', '0,0,3,0.1'];
    const a = await readCounts(dir.file('r1.csv', head + rows.join('\n') + '\n'), options({ losses: ['brier'] }));
    const b = await readCounts(dir.file('r2.csv', head + [...rows].reverse().join('\n') + '\n'), options({ losses: ['brier'] }));
    expect([...a.lossSums!.brier!.candidate]).toEqual([0.1, 0.25, 0.5]);
    expect(b).toEqual(a);
  });

  test('the sums of the mean losses', async () => {
    const f = dir.file('s.csv', 'label,champion_prediction,candidate_prediction,count,candidate_log_loss_sum,champion_log_loss_sum,log_loss_diff_sq_sum\n1,1,1,2,0.4,0.5,0.02\n');
    const d = await readCounts(f, options({ losses: ['log_loss'] }));
    expect(d.lossSums!.log_loss).toEqual({
      candidate: Float64Array.from([0.4]),
      champion: Float64Array.from([0.5]),
      diffSquares: Float64Array.from([0.02])
    });
  });

  test.each([
    ['a count that is not a whole number', HEAD + '1,1,0,web,2.5\n', 'counts.csv line 2, column "count": "2.5" is not a count; write a whole number of examples, 0 or more.'],
    ['a negative count', HEAD + '1,1,0,web,-1\n', 'counts.csv line 2, column "count": "-1" is not a count; write a whole number of examples, 0 or more.'],
    ['a third label value', HEAD + '1,1,0,web,2\n0,0,0,web,1\n0,2,0,web,1\n', 'counts.csv line 4, column "champion_prediction": "2" is neither the positive label "1" nor "0" (first seen in column "candidate_prediction" on line 2); a binary counts file uses two label values, in labels and predictions alike.'],
    ['an empty label', HEAD + ',1,0,web,2\n', 'counts.csv line 2, column "label": the value is empty; every row needs one.'],
    ['counts that add up beyond exact integers', HEAD + '1,1,0,web,9007199254740991\n0,0,0,web,1\n', 'counts.csv line 3, column "count": the counts so far add up to more than 9007199254740991, beyond what can be counted exactly; check the count column.'],
    ['only zero counts', HEAD + '1,1,0,web,0\n', 'counts.csv has no rows with a count above 0; it must count the examples of the test set.'],
    ['no positive label', HEAD + '0,0,0,web,3\n', 'counts.csv: the positive label "1" never occurs; set positive_label to the value that marks the positive class.'],
    ['a missing count column', 'label,champion_prediction,candidate_prediction\n1,1,1\n', 'counts.csv has no column "count"; its columns are label, champion_prediction, candidate_prediction; a counts file has the columns label (columns.label), candidate_prediction, champion_prediction, count and the sums of the mean losses checked (docs/counts.md).']
  ])('%s', async (_, content, message) => {
    const f = dir.file(`bad-${Math.random().toString(36).slice(2)}.csv`, content);
    const e = await gateError(() => readCounts(f, options()));
    expect(e.message).toBe(message);
  });

  test('a missing segment column asks for the config, a missing sum column for the format', async () => {
    const f = dir.file('m.csv', 'label,champion_prediction,candidate_prediction,count\n1,1,1,2\n');
    expect((await gateError(() => readCounts(f, options({ extraColumns: ['segment'] })))).message).toBe(
      'counts.csv has no column "segment"; its columns are label, champion_prediction, candidate_prediction, count; set columns.segment to the name of that column.'
    );
    expect((await gateError(() => readCounts(f, options({ losses: ['brier'] })))).message).toMatch(/^counts\.csv has no column "candidate_brier_sum"; .*docs\/counts\.md\)\.$/);
  });

  test('a negative, non-finite or overflowing sum', async () => {
    for (const bad of ['-0.5', 'inf', '1e200']) {
      const f = dir.file('n.csv', `label,candidate_prediction,count,candidate_brier_sum\n1,1,2,${bad}\n`);
      expect((await gateError(() => readCounts(f, options({ losses: ['brier'] })))).message).toBe(
        `counts.csv line 2, column "candidate_brier_sum": "${bad}" is not a sum of losses; write a finite number from 0 to 1e+100.`
      );
    }
  });
});
