import type { RowSink } from '../../src/readers/csv-parser.js';
import { JsonlParser } from '../../src/readers/jsonl-parser.js';
import { gateError } from './helpers.js';

function parse(chunks: string | string[], wanted?: string[]): { header: readonly string[]; rows: unknown[] } {
  const out = { header: [] as readonly string[], rows: [] as unknown[] };
  const sink: RowSink = {
    header(names) {
      out.header = names;
      return wanted ?? names;
    },
    row(values, line) {
      out.rows.push({ values: [...values], line });
    }
  };
  const parser = new JsonlParser('p.jsonl', sink);
  for (const c of typeof chunks === 'string' ? [chunks] : chunks) parser.push(c);
  parser.end();
  return out;
}

const TEXT =
  '\uFEFF{"id": "a", "label": 1, "score": 0.25, "ok": true}\r\n' +
  '\n' +
  '   \n' +
  '{"id": 7, "label": 0, "score": null, "ok": false, "extra": [1]}\n' +
  '{"label": "yes", "id": "é😀"}';

const ROWS = [
  { values: ['a', '1', '0.25', 'true'], line: 1 },
  { values: ['7', '0', '', 'false'], line: 4 },
  { values: ['é😀', 'yes', '', ''], line: 5 }
];

describe('JsonlParser', () => {
  test('converts values to text: numbers, booleans, null and missing keys as empty; skips blank lines', () => {
    const p = parse(TEXT);
    expect(p.header).toEqual(['id', 'label', 'score', 'ok']);
    expect(p.rows).toEqual(ROWS);
  });

  test('gives the same rows however the text is split into chunks', () => {
    for (let i = 0; i <= TEXT.length; i++) expect(parse([TEXT.slice(0, i), TEXT.slice(i)]).rows).toEqual(ROWS);
    expect(parse([...TEXT]).rows).toEqual(ROWS);
  });

  test('extracts only the requested keys', () => {
    expect(parse('{"a": 1, "b": 2}\n', ['b']).rows).toEqual([{ values: ['2'], line: 1 }]);
  });

  test('inherited property names are not values', () => {
    const p = parse('{"constructor": "x", "id": 1}\n{"id": 2}\n', ['constructor']);
    expect(p.rows).toEqual([
      { values: ['x'], line: 1 },
      { values: [''], line: 2 }
    ]);
  });

  test('a line that is not an object names the file and line', async () => {
    for (const [line, what] of [
      ['[1, 2]', 'an array'],
      ['42', 'a number'],
      ['"id"', 'a string'],
      ['null', 'null']
    ]) {
      const e = await gateError(() => parse(`{"id": 1}\n\n${line}\n`));
      expect(e.message).toBe(
        `p.jsonl line 3 is ${what}, not a JSON object; write one object per line, like {"id": "17", "label": 1}.`
      );
      expect(e.location).toEqual({ file: 'p.jsonl', line: 3 });
    }
  });

  test('invalid JSON names the file and line', async () => {
    const e = await gateError(() => parse('{"id": 1}\n{"id": 2,}\n'));
    expect(e.message).toMatch(/^p\.jsonl line 2 is not valid JSON \(.+\); write one JSON object per line\.$/);
  });

  test('a nested value in a requested column is an error; elsewhere it is ignored', async () => {
    expect(parse('{"id": 1, "x": {"a": 1}}\n', ['id']).rows).toHaveLength(1);
    const e = await gateError(() => parse('{"id": 1, "x": 2}\n{"id": 1, "x": {"a": 1}}\n', ['x']));
    expect(e.message).toBe(
      'p.jsonl line 2, column "x": the value is an object; use a number, string, boolean or null.'
    );
  });
});

test('a line too long to be a row of predictions stops with its line number', async () => {
  const sink = { header: (names: readonly string[]) => names, row: () => {} };
  const parser = new JsonlParser('p.jsonl', sink);
  parser.push('{"id": 1, "label": 0}\n{"id": "');
  const mib = 'x'.repeat(1 << 20);
  const e = await gateError(() => {
    for (let k = 0; k < 17; k++) parser.push(mib);
  });
  expect(e.message).toBe(
    'p.jsonl line 2: a line longer than 16,777,216 characters; this does not look like JSON Lines of predictions (one object per line).'
  );
});
