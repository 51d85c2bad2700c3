import { CsvParser, type RowSink } from '../../src/readers/csv-parser.js';
import { GateError } from '../../src/base/errors.js';
import { gateError } from './helpers.js';

interface Parsed {
  header: readonly string[];
  rows: { values: string[]; line: number }[];
}

/** Parses `chunks` in order, extracting `wanted` (default: every column). */
function parse(chunks: string | string[], wanted?: string[], delimiter: ',' | '\t' = ','): Parsed {
  const out: Parsed = { header: [], rows: [] };
  const sink: RowSink = {
    header(names) {
      out.header = names;
      return wanted ?? names;
    },
    row(values, line) {
      out.rows.push({ values: [...values], line });
    }
  };
  const parser = new CsvParser('t.csv', delimiter, sink);
  for (const c of typeof chunks === 'string' ? [chunks] : chunks) parser.push(c);
  parser.end();
  return out;
}

/** Every way of cutting `text` in two, plus one character at a time. */
function splits(text: string): string[][] {
  const out: string[][] = [[...text]];
  for (let i = 0; i <= text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  return out;
}

// Lines: 1 header, 2, 3–4 (line break inside quotes), 5, 6 blank, 7.
const TRICKY =
  '\uFEFFid,label,note\r\n' +
  '1,0,"a, b"\r\n' +
  '2,1,"multi\r\nline"\r\n' +
  '3,0,"say ""hi"""\r\n' +
  '\r\n' +
  '4,1,""\r\n';

const TRICKY_ROWS = [
  { values: ['1', '0', 'a, b'], line: 2 },
  { values: ['2', '1', 'multi\r\nline'], line: 3 },
  { values: ['3', '0', 'say "hi"'], line: 5 },
  { values: ['4', '1', ''], line: 7 }
];

describe('CsvParser', () => {
  test('reads RFC 4180 quoting, BOM, CRLF and blank lines with physical line numbers', () => {
    const p = parse(TRICKY);
    expect(p.header).toEqual(['id', 'label', 'note']);
    expect(p.rows).toEqual(TRICKY_ROWS);
  });

  test('gives the same records however the text is split into chunks', () => {
    for (const chunks of splits(TRICKY)) expect(parse(chunks).rows).toEqual(TRICKY_ROWS);
  });

  test('splits inside a doubled quote, a quoted line break and a CRLF are handled', () => {
    const text = 'a,b\r\n"x""y","p\r\nq"\r\n"z",w';
    const cuts = [
      ['a,b\r', '\n"x"', '"y","p\r', '\nq"\r', '\n"z",w'],
      ['a,b\r\n"x""', 'y","p\r\nq', '"', '\r\n"z",w']
    ];
    for (const chunks of cuts) {
      expect(chunks.join('')).toBe(text);
      expect(parse(chunks).rows).toEqual([
        { values: ['x"y', 'p\r\nq'], line: 2 },
        { values: ['z', 'w'], line: 4 }
      ]);
    }
  });

  test('a BOM before a quoted header field', () => {
    const p = parse('\uFEFF"id","label"\n"1",0\n');
    expect(p.header).toEqual(['id', 'label']);
    expect(p.rows).toEqual([{ values: ['1', '0'], line: 2 }]);
  });

  test('extracts only the requested columns, in the requested order', () => {
    const p = parse('a,b,c\n1,2,3\n4,5,6\n', ['c', 'a']);
    expect(p.rows.map((r) => r.values)).toEqual([
      ['3', '1'],
      ['6', '4']
    ]);
  });

  test('LF without a final line break, and trailing blank lines', () => {
    expect(parse('a,b\n1,2').rows).toEqual([{ values: ['1', '2'], line: 2 }]);
    expect(parse('a,b\n1,2\n\n\n').rows).toEqual([{ values: ['1', '2'], line: 2 }]);
  });

  test('a lone CR ends a line too', () => {
    expect(parse('a,b\r1,2\r3,4').rows).toEqual([
      { values: ['1', '2'], line: 2 },
      { values: ['3', '4'], line: 3 }
    ]);
  });

  test('an empty last field at the very end of the input', () => {
    expect(parse('a,b,c\n1,2,').rows).toEqual([{ values: ['1', '2', ''], line: 2 }]);
  });

  test('trims header names and keeps value text as written', () => {
    const p = parse(' id , score\n x , 0.5 \n');
    expect(p.header).toEqual(['id', 'score']);
    expect(p.rows[0].values).toEqual([' x ', ' 0.5 ']);
  });

  test('a quote inside an unquoted field is text', () => {
    expect(parse('a,b\n5" screen,1\n').rows[0].values).toEqual(['5" screen', '1']);
  });

  test('TSV: commas are plain text, tabs separate', () => {
    const p = parse('id\tnote\n1\ta, b\n2\t"x\ty"\n', undefined, '\t');
    expect(p.rows.map((r) => r.values)).toEqual([
      ['1', 'a, b'],
      ['2', 'x\ty']
    ]);
  });

  test('a row with too many or too few fields names the file and its line', async () => {
    const few = await gateError(() => parse('a,b,c\n1,"x\ny",3\n4,5\n'));
    expect(few.message).toBe(
      't.csv line 4 has 2 fields but the header has 3; give every row the header\'s fields, quoting values that contain commas or line breaks.'
    );
    expect(few.location).toEqual({ file: 't.csv', line: 4 });
    const many = await gateError(() => parse('a\tb\n1\t2\t3\n', undefined, '\t'));
    expect(many.message).toMatch(/^t\.csv line 2 has 3 fields but the header has 2; .*contain tabs/);
  });

  test('the wrong width is found on the last row without a final line break', async () => {
    const e = await gateError(() => parse('a,b\n1,2\n3'));
    expect(e.message).toMatch(/^t\.csv line 3 has 1 field but the header has 2;/);
  });

  test('text after a closing quote is an error at its line', async () => {
    const e = await gateError(() => parse('a,b\n1,2\n"x"y,3\n'));
    expect(e.message).toBe(
      't.csv line 3: a quoted field is followed by text before the next delimiter; a quote inside a quoted field must be doubled ("").'
    );
  });

  test('a quote that is never closed is reported at the line where it opens', async () => {
    const e = await gateError(() => parse('a,b\n1,2\n3,"oops\n4,5\n'));
    expect(e.message).toBe(
      't.csv line 3: a quoted field is never closed; a quote inside a quoted field must be doubled ("").'
    );
    expect(e).toBeInstanceOf(GateError);
  });

  test('reports whether a header was seen and counts data rows', () => {
    const sink: RowSink = { header: (n) => n, row: () => {} };
    const empty = new CsvParser('t.csv', ',', sink);
    empty.push('\n\r\n');
    empty.end();
    expect(empty.sawHeader).toBe(false);
    const headerOnly = new CsvParser('t.csv', ',', sink);
    headerOnly.push('a,b');
    headerOnly.end();
    expect([headerOnly.sawHeader, headerOnly.rows]).toEqual([true, 0]);
  });
});

describe('values too long to be predictions', () => {
  const mib = 'x'.repeat(1 << 20);
  const endless = (head: string) => [head, ...Array.from({ length: 17 }, () => mib)];

  test('a requested field that never ends stops with the line and field, not a string-length crash', async () => {
    const e = await gateError(() => parse(endless('id,label,score\n1,0,0.')));
    expect(e.message).toBe(
      't.csv line 2, field 3: a value longer than 16,777,216 characters; this does not look like a table of predictions: check the file and its delimiter.'
    );
  });

  test('an unclosed quote is named as the likely cause', async () => {
    const e = await gateError(() => parse(endless('id,label,score\n1,"0,')));
    expect(e.message).toBe(
      't.csv line 2, field 2: a value longer than 16,777,216 characters; the quote that opens it on line 2 may never be closed; this does not look like a table of predictions: check the file and its delimiter.'
    );
  });

  test('a skipped field may be as long as it likes: it is never kept', () => {
    const out = parse([...endless('id,label,blob\n1,0,'), '\n2,1,short\n'], ['id', 'label']);
    expect(out.rows.map((r) => r.values)).toEqual([['1', '0'], ['2', '1']]);
  });
});
