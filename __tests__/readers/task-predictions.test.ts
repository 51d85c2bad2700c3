/** Multiclass and regression predictions files: reading, validation messages, and alignment by id. */
import { DEFAULT_COLUMNS } from '../../src/config/types.js';
import {
  alignMulticlass,
  alignRegression,
  readMulticlassPredictions,
  readRegressionPredictions,
  type TaskReadOptions
} from '../../src/readers/task-predictions.js';
import { testSetFingerprintOf } from '../../src/readers/fingerprint.js';
import { TempDir, gateError } from './helpers.js';

let dir: TempDir;
beforeEach(() => (dir = new TempDir()));
afterEach(() => dir.remove());

const opts = (name: string, over: Partial<TaskReadOptions> = {}): TaskReadOptions => ({
  displayPath: name,
  columns: DEFAULT_COLUMNS,
  needPrediction: true,
  needProba: true,
  ...over
});
const mc = (name: string, content: string, over: Partial<TaskReadOptions> = {}) =>
  readMulticlassPredictions(dir.file(name, content), opts(name, over));
const rg = (name: string, content: string, over: Partial<TaskReadOptions> = {}) =>
  readRegressionPredictions(dir.file(name, content), opts(name, { needProba: false, ...over }));

describe('multiclass', () => {
  const CAND = 'id,label,prediction,proba_cat,proba_dog,proba_eel\n1,cat,cat,0.7,0.2,0.1\n2,dog,cat,0.5,0.4,0.1\n3,eel,eel,0.1,0.1,0.8\n';

  test('classes from the probability columns (header order), labels, predictions and row-major probabilities', async () => {
    const p = await mc('c.csv', CAND);
    expect(p.classKeys).toEqual(['cat', 'dog', 'eel']);
    expect(p.probaClasses).toBe(3);
    expect([...p.label]).toEqual([0, 1, 2]);
    expect([...p.prediction!]).toEqual([0, 0, 2]);
    expect([...p.proba!]).toEqual([0.7, 0.2, 0.1, 0.5, 0.4, 0.1, 0.1, 0.1, 0.8]);
    expect([...p.lines]).toEqual([2, 3, 4]);
  });

  test('without a prediction column the most probable class is predicted (first on ties)', async () => {
    const p = await mc('c.jsonl', '{"id":1,"label":"b","proba_a":0.5,"proba_b":0.5}\n{"id":2,"label":"a","proba_a":0.2,"proba_b":0.8}\n');
    expect(p.classKeys).toEqual(['a', 'b']);
    expect([...p.prediction!]).toEqual([0, 1]);
  });

  test('numeric class names are compared by value; labels without probability columns when none are needed', async () => {
    const p = await mc('c.csv', 'id,label,prediction\n1,1,1.0\n2,2,1\n3,10,2.0\n', { needProba: false });
    expect(p.classKeys).toEqual(['1', '2', '10']);
    expect([...p.prediction!]).toEqual([0, 0, 1]);
    expect(p.proba).toBeUndefined();
  });

  test('a label without a probability column is an error naming file, line and column', async () => {
    const e = await gateError(() => mc('c.csv', 'id,label,proba_cat,proba_dog\n1,cat,0.6,0.4\n2,eel,0.5,0.5\n'));
    expect(e.message).toBe(
      'c.csv line 3, column "label": the label "eel" has no probability column "proba_eel"; log_loss needs a probability for every class that occurs as a label (the file\'s probability columns are proba_cat, proba_dog).'
    );
    expect(e.location).toMatchObject({ file: 'c.csv', line: 3, key: 'label' });
  });

  test('bad probabilities, empty labels, missing columns', async () => {
    expect((await gateError(() => mc('c.csv', 'id,label,proba_a,proba_b\n1,a,1.2,0\n'))).message).toBe(
      'c.csv line 2, column "proba_a": 1.2 is outside [0, 1]; class probabilities must lie between 0 and 1.'
    );
    expect((await gateError(() => mc('c.csv', 'id,label,proba_a,proba_b\n1,a,x,0\n'))).message).toBe(
      'c.csv line 2, column "proba_a": "x" is not a number; write the probability as a plain decimal number such as 0.73.'
    );
    expect((await gateError(() => mc('c.csv', 'id,label,proba_a,proba_b\n1,,0.5,0.5\n'))).message).toBe(
      'c.csv line 2, column "label": the label is empty; every row needs one.'
    );
    expect((await gateError(() => mc('c.csv', 'id,label,prediction\n1,a,a\n'))).message).toMatch(
      /^c\.csv has no probability columns \(named proba_<class>, columns\.score_prefix\); log_loss needs one per class\. Its columns are id, label, prediction\.$/
    );
    expect((await gateError(() => mc('c.csv', 'id,label\n1,a\n', { needProba: false }))).message).toMatch(
      /^c\.csv has neither a "prediction" column nor probability columns/
    );
    expect((await gateError(() => mc('c.csv', 'id,label,proba_1,proba_1.0\n1,1,0.5,0.5\n'))).message).toBe(
      'c.csv has two probability columns for class "1.0" (proba_1 and proba_1.0); keep one.'
    );
  });

  test('alignment: union of classes, champion reordered and remapped, probabilities spread over all classes', async () => {
    const c = await mc('c.csv', CAND);
    const h = await mc('h.csv', 'id,label,prediction,proba_eel,proba_dog,proba_cat,proba_fox\n3,eel,fox,0.6,0.1,0.1,0.2\n1,cat,dog,0.3,0.4,0.2,0.1\n2,dog,dog,0.1,0.8,0.1,0\n');
    const d = alignMulticlass(c, h);
    expect(d.classes).toEqual(['cat', 'dog', 'eel', 'fox']);
    expect([...d.labelClass!]).toEqual([0, 1, 2]);
    expect([...d.candidate.predictionClass!]).toEqual([0, 0, 2]);
    expect([...d.champion!.predictionClass!]).toEqual([1, 1, 3]);
    expect([...d.candidate.proba!]).toEqual([0.7, 0.2, 0.1, 0, 0.5, 0.4, 0.1, 0, 0.1, 0.1, 0.8, 0]);
    expect([...d.champion!.proba!]).toEqual([0.2, 0.4, 0.3, 0.1, 0.1, 0.8, 0.1, 0, 0.1, 0.1, 0.6, 0.2]);
    expect(d.fingerprint).toBe(testSetFingerprintOf(['1', '2', '3'], (i) => ['cat', 'dog', 'eel'][i]));
  });

  test('a different label for the same id is an error that shows both classes', async () => {
    const c = await mc('c.csv', CAND);
    const h = await mc('h.csv', 'id,label,prediction,proba_cat,proba_dog,proba_eel\n1,cat,cat,1,0,0\n2,eel,eel,0,0,1\n3,eel,eel,0,0,1\n');
    expect((await gateError(() => alignMulticlass(c, h))).message).toBe(
      'candidate c.csv and champion h.csv disagree on the label of 1 id (e.g. 2; id 2 is "dog" at c.csv line 3 but "eel" at h.csv line 3); both files must carry the labels of the same test set.'
    );
  });
});

describe('regression', () => {
  test('numeric labels and predictions; labels compared by value across files', async () => {
    const c = await rg('c.csv', 'id,label,prediction\na,1.50,1.4\nb,0,0.2\nc,-3,-2.5\n');
    expect([...c.target]).toEqual([1.5, 0, -3]);
    expect([...c.value!]).toEqual([1.4, 0.2, -2.5]);
    const h = await rg('h.tsv', 'id\tlabel\tprediction\nc\t-3.0\t-3.5\na\t1.5\t1.6\nb\t0\t0\n');
    const d = alignRegression(c, h);
    expect([...d.target!]).toEqual([1.5, 0, -3]);
    expect([...d.champion!.value!]).toEqual([1.6, 0, -3.5]);
    expect(d.fingerprint).toBe(testSetFingerprintOf(['a', 'b', 'c'], (i) => ['1.5', '0', '-3'][i]));
  });

  test('non-numeric, non-finite and empty values are errors naming file, line and column', async () => {
    expect((await gateError(() => rg('c.csv', 'id,label,prediction\na,1,abc\n'))).message).toBe(
      'c.csv line 2, column "prediction": "abc" is not a number; write the prediction as a plain decimal number such as 0.73.'
    );
    expect((await gateError(() => rg('c.csv', 'id,label,prediction\na,inf,1\n'))).message).toBe(
      'c.csv line 2, column "label": "inf" is not a finite number; every label must be a finite number.'
    );
    expect((await gateError(() => rg('c.csv', 'id,label,prediction\na,,1\n'))).message).toBe(
      'c.csv line 2, column "label": the label is empty; every row needs a finite number.'
    );
    expect((await gateError(() => rg('c.csv', 'id,label\na,1\n'))).message).toMatch(/^c\.csv has no column "prediction"/);
  });

  test('different labels for the same id', async () => {
    const c = await rg('c.csv', 'id,label,prediction\na,1,1\n');
    const h = await rg('h.csv', 'id,label,prediction\na,2,1\n');
    expect((await gateError(() => alignRegression(c, h))).message).toBe(
      'candidate c.csv and champion h.csv disagree on the label of 1 id (e.g. a; id a is 1 at c.csv line 2 but 2 at h.csv line 2); both files must carry the labels of the same test set.'
    );
  });
});
