/**
 * The readers keep no line number per row: `lines` is found again by parsing the file once more when a message
 * needs it (table.ts withRowLines). It must be what the streaming parse saw, whatever the chunking, quoting,
 * line ends, BOM, blank lines, format or compression; a file that cannot be read twice keeps its lines.
 */
import { unlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readPredictions } from '../../src/readers/predictions.js';
import { keepLines, scanTable } from '../../src/readers/table.js';
import { TempDir, options } from './helpers.js';

let dir: TempDir;
beforeEach(() => (dir = new TempDir()));
afterEach(() => dir.remove());

async function streamedLines(path: string, displayPath: string, highWaterMark: number): Promise<number[]> {
  const lines: number[] = [];
  await scanTable(path, { displayPath, highWaterMark, select: (h) => [h[0]!], onRow: (_v, line) => lines.push(line) });
  return lines;
}

const CASES: Array<[string, string]> = [
  ['lf.csv', 'id,label,score\na,1,0.5\nb,0,0.25\n'],
  ['crlf-bom.csv', '\ufeffid,label,score\r\na,1,0.5\r\n\r\nb,0,0.25\r\nc,1,0.75'],
  ['quoted.csv', 'id,label,score\n"a\nwith\r\nbreaks",1,0.5\n\n\n"b ""q""",0,0.25\nc,1,"0.75"\n'],
  ['cr.csv', 'id,label,score\ra,1,0.5\rb,0,0.25\r'],
  ['tabs.tsv', 'id\tlabel\tscore\na\t1\t0.5\n\nb\t0\t0.25\n'],
  ['rows.jsonl', '{"id":"a","label":1,"score":0.5}\n\n  \n{"id":"b","label":0,"score":0.25}\n{"id":"c","label":1,"score":0.75}'],
  ['bom.jsonl', '\ufeff{"id":"a","label":1,"score":0.5}\r\n{"id":"b","label":0,"score":0.25}\r\n']
];

describe('row lines found again', () => {
  test.each(CASES)('%s, plain and gzipped, any chunking', async (name, text) => {
    for (const [file, bytes] of [
      [name, Buffer.from(text)],
      [`${name}.gz`, gzipSync(Buffer.from(text))]
    ] as const) {
      const path = dir.file(file, '');
      writeFileSync(path, bytes);
      expect(keepLines(path)).toBe(false);
      for (const hwm of [1, 3, 1 << 20]) {
        const p = await readPredictions(path, options({ displayPath: file, highWaterMark: hwm }));
        expect([...p.lines]).toEqual(await streamedLines(path, file, hwm));
        expect(p.lines.length).toBe(p.n);
      }
    }
  });

  test('what is not a regular file keeps its lines as it is read', () => {
    expect(keepLines('/dev/null')).toBe(true);
    expect(keepLines(dir.file('x.csv', 'id\n'))).toBe(false);
  });
});

test('a file that vanished before its lines were needed is one sentence, not a stack trace', async () => {
  const file = dir.file('gone.csv', 'id,label,score\na,1,0.5\nb,0,0.25\n');
  const read = await readPredictions(file, options({ displayPath: 'gone.csv' }));
  unlinkSync(file);
  expect(() => read.lines).toThrow('gone.csv changed or disappeared while model-gate read it (ENOENT); rerun on a copy that stays put.');
});
