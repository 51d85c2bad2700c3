import { join } from 'node:path';
import { readTable, scanTable } from '../../src/readers/table.js';
import { detectFormat } from '../../src/readers/format.js';
import { FIXTURES, TempDir, gateError } from './helpers.js';

let dir: TempDir;
beforeEach(() => (dir = new TempDir()));
afterEach(() => dir.remove());

const CSV = 'id,label,note\r\n1,0,"a, b"\r\n2,1,"two\r\nlines"\r\n3,0,"say ""hi"" é"\r\n';
const EXPECTED = {
  n: 3,
  lines: [2, 3, 5],
  columns: { note: ['a, b', 'two\r\nlines', 'say "hi" é'], id: ['1', '2', '3'] }
};

async function read(path: string, columns = ['note', 'id'], highWaterMark?: number) {
  const t = await readTable(path, { displayPath: 'shown/' + path.split('/').pop(), columns, highWaterMark });
  return { n: t.n, lines: [...t.lines], columns: t.columns };
}

describe('detectFormat', () => {
  test.each([
    ['a.csv', 'csv', false],
    ['dir.v2/A.CSV', 'csv', false],
    ['a.tsv', 'tsv', false],
    ['a.jsonl', 'jsonl', false],
    ['a.ndjson', 'jsonl', false],
    ['a.csv.gz', 'csv', true],
    ['a.JSONL.GZ', 'jsonl', true],
    ['a.tsv.Gz', 'tsv', true]
  ])('%s', (path, format, gzip) => {
    expect(detectFormat(path, path)).toEqual({ format, gzip });
  });

  test.each(['preds.parquet', 'preds', 'preds.gz', 'csv', 'preds.csv.zip', 'dir.csv/preds'])(
    'rejects %s, naming the file and the accepted extensions',
    async (path) => {
      const e = await gateError(() => detectFormat(path, 'shown.x'));
      expect(e.message).toBe(
        'shown.x has an unsupported file extension; use .csv, .tsv, .jsonl or .ndjson, each optionally followed by .gz.'
      );
      expect(e.location).toEqual({ file: 'shown.x' });
    }
  );
});

describe('readTable', () => {
  test('CSV with CRLF, quoting and line breaks inside quotes', async () => {
    expect(await read(dir.file('t.csv', CSV))).toEqual(EXPECTED);
  });

  test('the same table as TSV, JSONL, NDJSON and gzipped CSV/JSONL', async () => {
    const tsv = 'id\tlabel\tnote\n1\t0\ta, b\n2\t1\t"two\r\nlines"\n3\t0\t"say ""hi"" é"\n';
    const jsonl =
      '{"id": 1, "label": 0, "note": "a, b"}\n' +
      '{"id": "2", "label": 1, "note": "two\\r\\nlines"}\n\n' +
      '{"note": "say \\"hi\\" é", "id": 3}\n';
    const jsonLines = { ...EXPECTED, lines: [1, 2, 4] };
    expect(await read(dir.file('t.tsv', tsv))).toEqual(EXPECTED);
    expect(await read(dir.file('t.jsonl', jsonl))).toEqual(jsonLines);
    expect(await read(dir.file('t.ndjson', jsonl))).toEqual(jsonLines);
    expect(await read(dir.file('t.csv.gz', CSV))).toEqual(EXPECTED);
    expect(await read(dir.file('T.JSONL.GZ', jsonl))).toEqual(jsonLines);
  });

  test('tiny reads split records, CRLF, quotes and multi-byte characters anywhere', async () => {
    const plain = dir.file('t.csv', '\uFEFF' + CSV);
    const gz = dir.file('t.csv.gz', '\uFEFF' + CSV);
    for (const hwm of [1, 2, 3, 5, 7]) {
      expect(await read(plain, undefined, hwm)).toEqual(EXPECTED);
      expect(await read(gz, undefined, hwm)).toEqual(EXPECTED);
    }
  });

  test('a UTF-8 BOM does not become part of the first column name', async () => {
    const t = await readTable(dir.file('t.csv', '\uFEFFid,label\n1,0\n'), { displayPath: 't.csv', columns: ['id'] });
    expect(t.header).toEqual(['id', 'label']);
    expect(t.columns.id).toEqual(['1']);
  });

  test('reads the committed fixtures', async () => {
    const csv = await readTable(join(FIXTURES, 'candidate.csv'), { displayPath: 'c.csv', columns: ['segment'] });
    expect(csv.columns.segment[4]).toBe('mobile, ios');
    const jsonl = await readTable(join(FIXTURES, 'candidate.jsonl'), { displayPath: 'c.jsonl', columns: ['label'] });
    expect(jsonl.columns.label).toEqual(['true', 'false', 'true', 'false', 'true', 'false']);
  });

  test('a requested column the file lacks: its columns, a near miss, and the config key', async () => {
    const path = dir.file('t.csv', 'id,Label,prob\n1,0,0.5\n');
    const e = await gateError(() =>
      readTable(path, { displayPath: 'data/t.csv', columns: ['id', { name: 'label', configKey: 'columns.label' }] })
    );
    expect(e.message).toBe(
      'data/t.csv has no column "label" (did you mean "Label"?); its columns are id, Label, prob; set columns.label to the name of that column.'
    );
    expect(e.location).toEqual({ file: 'data/t.csv', key: 'columns.label' });
    const wide = dir.file('w.jsonl', JSON.stringify(Object.fromEntries([...'abcdefghij'].map((c) => [c, 1]))) + '\n');
    const e2 = await gateError(() => readTable(wide, { displayPath: 'w.jsonl', columns: ['device'] }));
    expect(e2.message).toBe(
      'w.jsonl has no column "device"; its columns are a, b, c, d, e, f, g, h, … (10 in all); add the column or change the config to name an existing one.'
    );
  });

  test('a requested column that appears twice in the header', async () => {
    const e = await gateError(() =>
      readTable(dir.file('t.csv', 'id,score,x,score\n1,2,3,4\n'), { displayPath: 't.csv', columns: ['score'] })
    );
    expect(e.message).toBe('t.csv has two columns named "score" (columns 2 and 4); rename or remove one.');
  });

  test.each([
    ['e.csv', '', 'e.csv is empty; it needs a header row and one row per test example.'],
    ['e.csv', '\n\r\n', 'e.csv is empty; it needs a header row and one row per test example.'],
    ['e.csv.gz', '', 'e.csv.gz is empty; it needs a header row and one row per test example.'],
    ['e.jsonl', '\n \n', 'e.jsonl is empty; it needs one JSON object per line.'],
    ['h.csv', 'id,label\r\n', 'h.csv has a header but no rows; it needs one row per test example.'],
    ['h.tsv', 'id\tlabel', 'h.tsv has a header but no rows; it needs one row per test example.']
  ])('%s %j', async (name, content, message) => {
    const e = await gateError(() => readTable(dir.file(name, content), { displayPath: name, columns: [] }));
    expect(e.message).toBe(message);
    expect(e.location).toEqual({ file: name });
  });

  test('a missing file, a directory and a corrupt gzip file are GateErrors naming the file', async () => {
    const missing = await gateError(() => readTable(join(dir.path, 'nope.csv'), { displayPath: 'nope.csv', columns: [] }));
    expect(missing.message).toBe('nope.csv does not exist; check the path (it is relative to the workspace).');
    const missingGz = await gateError(() =>
      readTable(join(dir.path, 'nope.csv.gz'), { displayPath: 'nope.csv.gz', columns: [] })
    );
    expect(missingGz.message).toMatch(/^nope\.csv\.gz does not exist;/);
    dir.file('d.csv/x.txt', 'x');
    const isDir = await gateError(() => readTable(join(dir.path, 'd.csv'), { displayPath: 'd.csv', columns: [] }));
    expect(isDir.message).toBe('d.csv is a directory; point to a file inside it.');
    const notGz = join(dir.path, 'bad.csv.gz');
    (await import('node:fs')).writeFileSync(notGz, 'id,label\n1,0\n');
    const corrupt = await gateError(() => readTable(notGz, { displayPath: 'bad.csv.gz', columns: [] }));
    expect(corrupt.message).toMatch(
      /^bad\.csv\.gz is not a valid gzip file \(.+\); recompress it or drop the \.gz extension\.$/
    );
  });

  test('errors from rows carry the display path', async () => {
    const e = await gateError(() =>
      readTable(dir.file('t.csv', 'a,b\n1,2\n3\n'), { displayPath: 'artifacts/t.csv', columns: ['a'] })
    );
    expect(e.message).toMatch(/^artifacts\/t\.csv line 3 has 1 field but the header has 2;/);
  });
});

describe('scanTable', () => {
  test('select sees the header; onRow gets the selected values and lines; stops at the first error', async () => {
    const seen: string[] = [];
    const path = dir.file('t.csv', 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n');
    const summary = await scanTable(path, {
      displayPath: 't.csv',
      select: (header) => {
        seen.push(header.join('|'));
        return ['c', 'a'];
      },
      onRow: (values, line) => seen.push(`${line}:${values.join('|')}`)
    });
    expect(summary).toEqual({ header: ['a', 'b', 'c'], rows: 3 });
    expect(seen).toEqual(['a|b|c', '2:3|1', '3:6|4', '4:9|7']);

    let rows = 0;
    await expect(
      scanTable(path, {
        displayPath: 't.csv',
        select: () => ['a'],
        onRow: () => {
          if (++rows === 2) throw new Error('stop');
        }
      })
    ).rejects.toThrow('stop');
    expect(rows).toBe(2);
  });
});
