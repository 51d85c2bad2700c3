import { join } from 'node:path';
import { readPredictions, type Predictions } from '../../src/readers/predictions.js';
import { FIXTURES, TempDir, gateError, options, type OptionOverrides } from './helpers.js';
import { textsOf } from '../../src/readers/text-column.js';

let dir: TempDir;
beforeEach(() => (dir = new TempDir()));
afterEach(() => dir.remove());

/** Reads `content` written as `name`, with messages naming `name`. */
function readText(name: string, content: string, over: OptionOverrides = {}): Promise<Predictions> {
  return readPredictions(dir.file(name, content), options({ displayPath: name, ...over }));
}

const plain = (p: Predictions) => ({
  n: p.n,
  ids: p.ids.texts(),
  label: p.label && [...p.label],
  prediction: p.prediction && [...p.prediction],
  score: p.score && [...p.score],
  lines: [...p.lines],
  extra: Object.fromEntries(Object.entries(p.extra).map(([k, v]) => [k, textsOf(v)]))
});

describe('readPredictions', () => {
  test('reads the candidate fixture: ids, labels, the prediction column, scores, lines and extra columns', async () => {
    const p = await readPredictions(
      join(FIXTURES, 'candidate.csv'),
      options({ displayPath: 'artifacts/candidate.csv', extraColumns: ['segment'] })
    );
    expect(p.file).toBe('artifacts/candidate.csv');
    expect(plain(p)).toEqual({
      n: 6,
      ids: ['1', '2', '3', '4', '5', '6'],
      label: [1, 0, 1, 0, 1, 0],
      prediction: [1, 0, 0, 1, 1, 0],
      score: [0.91, 0.12, 0.45, 0.66, 0.5, 0.08],
      lines: [2, 3, 4, 5, 6, 7],
      extra: { segment: ['new_users', 'returning', 'new_users', 'returning', 'mobile, ios', 'returning'] }
    });
    expect(p.label).toBeInstanceOf(Uint8Array);
    expect(p.score).toBeInstanceOf(Float64Array);
    expect(p.lines).toBeInstanceOf(Uint32Array);
  });

  test('without a prediction column, prediction = score >= threshold (equal counts as positive)', async () => {
    const p = await readText('p.csv', 'id,label,score\na,1,0.7\nb,0,0.1\nc,1,0.3\nd,0,0.29999\n', {
      threshold: 0.3
    });
    expect([...p.prediction!]).toEqual([1, 0, 1, 0]);
  });

  test('the default threshold on scores that are not probabilities: an error naming the file, line and column', async () => {
    const percent = 'id,label,score\na,1,71.5\nb,0,12\n';
    const e = await gateError(() => readText('c.csv', percent, { defaultThreshold: true }));
    expect(e.message).toBe(
      'c.csv line 2, column "score": 71.5 is outside [0, 1], and with no prediction column the hard predictions are ' +
        "score >= threshold, whose default 0.5 is a probability cut-off; set threshold to the cut-off on your scores' scale " +
        '(0 for logits or margins, 50 for percentages) or add a prediction column.'
    );
    expect(e.location).toEqual({ file: 'c.csv', line: 2, key: 'score' });
    // A logit below 0 too, on a later line.
    const logits = await gateError(() => readText('c.csv', 'id,label,score\na,1,0.9\nb,0,-1.3\n', { defaultThreshold: true }));
    expect(logits.message).toMatch(/^c\.csv line 3, column "score": -1\.3 is outside \[0, 1\]/);
    // A threshold the user set is theirs to choose; scores that rank only (no hard predictions) and a prediction
    // column need no cut-off; probabilities are fine with the default.
    expect([...(await readText('c.csv', percent, { threshold: 50 })).prediction!]).toEqual([1, 0]);
    expect((await readText('c.csv', percent, { defaultThreshold: true, needPrediction: false })).prediction).toBeUndefined();
    const withColumn = 'id,label,score,prediction\na,1,71.5,1\nb,0,12,0\n';
    expect([...(await readText('c.csv', withColumn, { defaultThreshold: true })).prediction!]).toEqual([1, 0]);
    expect([...(await readText('c.csv', 'id,label,score\na,1,1\nb,0,0\n', { defaultThreshold: true })).prediction!]).toEqual([1, 0]);
  });

  test('true/false labels with positive_label true, from the JSONL fixture', async () => {
    const p = await readPredictions(
      join(FIXTURES, 'candidate.jsonl'),
      options({ displayPath: 'c.jsonl', positiveLabel: 'True' })
    );
    expect([...p.label]).toEqual([1, 0, 1, 0, 1, 0]);
    expect([...p.prediction!]).toEqual([1, 0, 0, 1, 1, 0]);
  });

  test('the positive label must occur: the message lists the labels found and names positive_label', async () => {
    const e = await gateError(() =>
      readPredictions(join(FIXTURES, 'candidate.jsonl'), options({ displayPath: 'c.jsonl', positiveLabel: '1' }))
    );
    expect(e.message).toBe(
      'c.jsonl, column "label": the positive label "1" never occurs (the labels are "true" and "false"); set positive_label to the value that marks the positive class.'
    );
    expect(e.location).toEqual({ file: 'c.jsonl', key: 'positive_label' });
  });

  test('string labels, compared trimmed, with string predictions', async () => {
    const p = await readText(
      'p.tsv',
      'id\tlabel\tprediction\n1\tchurn\tstay\n2\t stay\tchurn \n3\tchurn\tchurn\n',
      { positiveLabel: 'churn', score: 'none' }
    );
    expect([...p.label]).toEqual([1, 0, 1]);
    expect([...p.prediction!]).toEqual([0, 1, 1]);
    expect(p.score).toBeUndefined();
  });

  test('numeric labels compare as numbers: 1, 1.0 and " 1" are the same class', async () => {
    const p = await readText('p.csv', 'id,label,prediction\n1,1.0,1\n2,0,0.0\n3, 1,1e0\n4,0.0,0\n', {
      score: 'none'
    });
    expect([...p.label]).toEqual([1, 0, 1, 0]);
    expect([...p.prediction!]).toEqual([1, 0, 1, 0]);
  });

  test('more than two label values: the first five are listed', async () => {
    const three = await gateError(() => readText('p.csv', 'id,label,score\n1,0,0.1\n2,1,0.2\n3,2,0.3\n4,1.0,0.1\n'));
    expect(three.message).toBe(
      'p.csv, column "label": a binary task needs two label values but the file has more ("0", "1", "2"); fix the labels or set task: multiclass.'
    );
    const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((l, i) => `${i},${l},0.5`).join('\n');
    const many = await gateError(() => readText('p.csv', `id,label,score\n${rows}\n`));
    expect(many.message).toBe(
      'p.csv, column "label": a binary task needs two label values but the file has more ("a", "b", "c", "d", "e", …); fix the labels or set task: multiclass.'
    );
  });

  test('an empty id or label names the line and column', async () => {
    const id = await gateError(() => readText('p.csv', 'id,label,score\n1,1,0.5\n  ,0,0.5\n'));
    expect(id.message).toBe('p.csv line 3, column "id": the id is empty; every row needs one.');
    expect(id.location).toEqual({ file: 'p.csv', line: 3, key: 'id' });
    const label = await gateError(() =>
      readText('p.jsonl', '{"id": 1, "label": 1, "score": 0.5}\n{"id": 2, "label": null, "score": 0.5}\n')
    );
    expect(label.message).toBe('p.jsonl line 2, column "label": the label is empty; every row needs one.');
  });

  test.each([
    ['', 'the score is empty; every row needs a finite number.'],
    ['abc', '"abc" is not a number; write scores as plain decimal numbers such as 0.73.'],
    ['0x1F', '"0x1F" is not a number; write scores as plain decimal numbers such as 0.73.'],
    ['0.5.1', '"0.5.1" is not a number; write scores as plain decimal numbers such as 0.73.'],
    ['NaN', '"NaN" is not a finite number; every score must be a finite number.'],
    ['Infinity', '"Infinity" is not a finite number; every score must be a finite number.'],
    ['-inf', '"-inf" is not a finite number; every score must be a finite number.'],
    ['1e999', '"1e999" is not a finite number; every score must be a finite number.']
  ])('score %j is an error at its line and column', async (value, why) => {
    const e = await gateError(() =>
      readText('p.csv', `id,label,prediction,probability\n1,1,1,0.5\n2,0,0,"${value}"\n`, {
        columns: { score: 'probability' }
      })
    );
    expect(e.message).toBe(`p.csv line 3, column "probability": ${why}`);
    expect(e.location).toEqual({ file: 'p.csv', line: 3, key: 'probability' });
  });

  test('probabilities must lie in [0, 1] when a metric needs them; 0 and 1 themselves are fine', async () => {
    const ok = await readText('p.csv', 'id,label,score\n1,1,1\n2,0,0\n3,1,1.0e0\n', { score: 'probability' });
    expect([...ok.score!]).toEqual([1, 0, 1]);
    for (const [value, shown] of [
      ['1.2', '1.2'],
      [' -0.01', '-0.01']
    ]) {
      const e = await gateError(() =>
        readText('p.csv', `id,label,score\n1,1,0.5\n\n2,0,${value}\n`, { score: 'probability' })
      );
      expect(e.message).toBe(
        `p.csv line 4, column "score": ${shown} is outside [0, 1], but log_loss, brier and ece need probabilities; write calibrated probabilities or drop those metrics.`
      );
    }
    const ranking = await readText('p.csv', 'id,label,score\n1,1,3.5\n2,0,-2\n', { score: 'finite' });
    expect([...ranking.score!]).toEqual([3.5, -2]);
  });

  test('a prediction that is neither label value is an error at its line', async () => {
    const e = await gateError(() =>
      readText('p.csv', 'id,label,prediction\n1,1,1\n2,0,0\n3,0,maybe\n4,1,0\n', { score: 'none' })
    );
    expect(e.message).toBe(
      'p.csv line 4, column "prediction": "maybe" is neither the positive label "1" nor the other label "0"; write predictions with the same values as the labels.'
    );
    expect(e.location).toEqual({ file: 'p.csv', line: 4, key: 'prediction' });
    const empty = await gateError(() => readText('p.csv', 'id,label,prediction\n1,1,1\n2,0,\n', { score: 'none' }));
    expect(empty.message).toBe('p.csv line 3, column "prediction": the prediction is empty; every row needs one.');
  });

  test('a prediction column full of scores stops at the ninth distinct value', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 2},0.${i + 1}`).join('\n');
    const e = await gateError(() => readText('p.csv', `id,label,prediction\n${rows}\n`, { score: 'none' }));
    expect(e.message).toBe(
      'p.csv line 10, column "prediction": found more than 8 different predictions in a binary task; write each prediction as one of the two label values.'
    );
  });

  test('labels that are all positive still accept one other prediction value', async () => {
    const p = await readText('p.csv', 'id,label,prediction\n1,yes,no\n2,yes,yes\n', {
      positiveLabel: 'yes',
      score: 'none'
    });
    expect([...p.label]).toEqual([1, 1]);
    expect([...p.prediction!]).toEqual([0, 1]);
  });

  test('only the columns the metrics need are read', async () => {
    // A prediction column and no score metric: a broken score column is never parsed.
    const p = await readText('p.csv', 'id,label,score,prediction\n1,1,oops,1\n2,0,,0\n', { score: 'none' });
    expect(p.score).toBeUndefined();
    expect([...p.prediction!]).toEqual([1, 0]);
    // No hard-prediction metric: the prediction column is not read either.
    const q = await readText('p.csv', 'id,label,score,prediction\n1,1,0.2,junk\n2,0,0.1,\n', {
      needPrediction: false
    });
    expect(q.prediction).toBeUndefined();
    expect([...q.score!]).toEqual([0.2, 0.1]);
  });

  test('configured column names are used, and a missing one names the config key', async () => {
    const columns = { id: 'row', label: 'y', score: 'p1', prediction: 'yhat' };
    const p = await readText('p.csv', 'row,y,p1\nr1,1,0.9\nr2,0,0.2\n', { columns });
    expect(p.ids.texts()).toEqual(['r1', 'r2']);
    expect([...p.prediction!]).toEqual([1, 0]);
    const e = await gateError(() => readText('p.csv', 'row,label,p1\nr1,1,0.9\n', { columns }));
    expect(e.message).toBe(
      'p.csv has no column "y"; its columns are row, label, p1; set columns.label to the name of that column.'
    );
    expect(e.location).toEqual({ file: 'p.csv', key: 'columns.label' });
  });

  test('a file written with another separator: the message names the separator, not a column to configure', async () => {
    const semicolons = await gateError(() => readText('p.csv', 'id;label;score\n1;1;0,9\n'));
    expect(semicolons.message).toBe(
      'p.csv has one column, "id;label;score", which looks like columns separated by semicolons; .csv files are read ' +
        'comma-separated and .tsv files tab-separated: save the file with commas as .csv (or with tabs as .tsv).'
    );
    expect(semicolons.location).toEqual({ file: 'p.csv', key: 'columns.id' });
    expect((await gateError(() => readText('p.csv', 'id\tlabel\tscore\n1\t1\t0.9\n'))).message).toContain('separated by tabs');
    expect((await gateError(() => readText('p.tsv', 'id,label,score\n1,1,0.9\n'))).message).toContain('separated by commas');
    // One column that merely lacks the name: the usual message.
    expect((await gateError(() => readText('p.csv', 'row;x\n1;2\n'))).message).toBe(
      'p.csv has no column "id"; its columns are row;x; set columns.id to the name of that column.'
    );
  });

  test('a missing score column when a metric needs scores', async () => {
    const e = await gateError(() =>
      readText('p.csv', 'id,label,prediction\n1,1,1\n', { score: 'probability' })
    );
    expect(e.message).toBe(
      'p.csv has no column "score"; its columns are id, label, prediction; set columns.score to the name of that column.'
    );
  });

  test('neither a prediction nor a score column when hard predictions are needed', async () => {
    const e = await gateError(() => readText('p.csv', 'id,label,prob\n1,1,0.3\n', { score: 'none' }));
    expect(e.message).toBe(
      'p.csv has neither a "prediction" nor a "score" column (its columns are id, label, prob); hard predictions come from columns.prediction or from columns.score with threshold, so set one of them.'
    );
  });

  test('a missing extra column: the segment column names its config key', async () => {
    const seg = await gateError(() => readText('p.csv', 'id,label,score\n1,1,0.3\n', { extraColumns: ['segment'] }));
    expect(seg.message).toBe(
      'p.csv has no column "segment"; its columns are id, label, score; set columns.segment to the name of that column.'
    );
    const other = await gateError(() => readText('p.csv', 'id,label,score\n1,1,0.3\n', { extraColumns: ['device'] }));
    expect(other.message).toBe(
      'p.csv has no column "device"; its columns are id, label, score; add the column or change the config to name an existing one.'
    );
  });

  test('extra columns may repeat a main column', async () => {
    const p = await readText('p.csv', 'id,label,score\n1,1,0.3\n', { extraColumns: ['label', 'label', 'id'] });
    expect(plain(p).extra).toEqual({ label: ['1'], id: ['1'] });
  });

  test('gzipped CSV and JSONL, and tiny reads, give the same predictions', async () => {
    const csv = 'id,label,score\r\n"a,1",1,0.25\r\nb,0,0.75\r\n"c\r\nd",1,0.5\r\n';
    const jsonl = '{"id":"a,1","label":1,"score":0.25}\n{"id":"b","label":0,"score":0.75}\n{"id":"c\\r\\nd","label":1,"score":0.5}\n';
    const expected = {
      ids: ['a,1', 'b', 'c\r\nd'],
      label: [1, 0, 1],
      prediction: [0, 1, 1],
      score: [0.25, 0.75, 0.5]
    };
    const pick = (p: Predictions) => {
      const { ids, label, prediction, score } = plain(p);
      return { ids, label, prediction, score };
    };
    expect(pick(await readText('p.csv.gz', csv))).toEqual(expected);
    expect(pick(await readText('p.jsonl.gz', jsonl))).toEqual(expected);
    expect(pick(await readText('p.csv', csv, { highWaterMark: 3 }))).toEqual(expected);
    expect(plain(await readText('p.csv', csv, { highWaterMark: 1 })).lines).toEqual([2, 3, 4]);
  });

  test('long ids are kept intact (they are copied out of the read buffer)', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `user-${'x'.repeat(i % 40)}-${i}`);
    const text = 'id,label,score\n' + ids.map((id, i) => `${id},${i % 2},0.5`).join('\n');
    const p = await readText('p.csv', text, { highWaterMark: 64 });
    expect(p.ids.texts()).toEqual(ids);
  });
});
