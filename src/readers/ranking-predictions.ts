/**
 * Predictions files of the ranking task (docs/ranking.md): one row per (query, item) with the item's graded
 * relevance (`columns.label`, a number ≥ 0) and the model's score. The two files are paired on the (query, item)
 * pair under the fixed-test-set rule: a pair twice in one file, a pair in one file only, or a different label for
 * the same pair is an error naming counts, a few example pairs and lines.
 *
 * The engine's unit is the query: the paired data has one row per query (n = queries), and its items sit in
 * RankedRows, each query's rows contiguous and in item id order (the ranking's tie-break). Segment, group and
 * cluster columns describe the query, so each must hold one value per query.
 */
import type { ColumnNames } from '../config/types.js';
import { QUERY_COLUMN } from '../config/types.js';
import { GateError } from '../base/errors.js';
import { growFloat64, growUint32 } from '../base/growable.js';
import { detach, formatId, Interner, quote } from '../base/text.js';
import { textColumns, type TextColumn } from './text-column.js';
import { parseStrictNumber } from '../base/values.js';
import { clusterIndex } from './clusters.js';
import { testSetFingerprintOf } from './fingerprint.js';
import { compareCodePoints, sortedOrder } from './id-order.js';
import { IdColumn } from './id-column.js';
import { RankedRows, type PairedData } from './paired-data.js';
import { columnSlots, extraColumnSlots, missingColumnError, scanTable } from './table.js';

export interface RankingReadOptions {
  /** Path as the user wrote it, used in every message. */
  displayPath: string;
  columns: ColumnNames;
  /** Raw text columns to keep (segments, fairness groups, the cluster): query-level columns. */
  extraColumns?: string[];
  /** Bytes per read; tests use tiny values. */
  highWaterMark?: number;
  /** Every raw byte of the file as it is read (the release card hashes the bytes that were parsed). */
  onBytes?: (chunk: Buffer) => void;
}

export interface RankingPredictions {
  file: string;
  /** Rows (query, item pairs). */
  n: number;
  query: string[];
  item: string[];
  label: Float64Array;
  score: Float64Array;
  lines: Uint32Array;
  extra: Record<string, string[]>;
}

/**
 * The key of a (query, item) pair: `<length of query>:<query><item>`. Injective whatever the ids contain (a
 * separator character could occur in an id), and every query's pairs sort together, its items in code point
 * order — the tie-break the metrics rely on.
 */
function pairKey(query: string, item: string): string {
  return `${query.length}:${query}${item}`;
}

/**
 * The largest relevance label read: ndcg's exponential gain 2^label − 1 stays finite, summed over any cut-off,
 * up to here (2^1000 ≈ 1e301), and graded relevance runs 0–4 or so in practice.
 */
const MAX_LABEL = 1000;

function cell(file: string, line: number, column: string, text: string, what: string): number {
  const v = parseStrictNumber(text);
  if (Number.isFinite(v) && (what !== 'label' || (v >= 0 && v <= MAX_LABEL))) return v;
  const where = `${file} line ${line}, column "${column}"`;
  const location = { file, line, key: column };
  if (text.trim() === '') throw new GateError(`${where}: the ${what} is empty; every row needs a finite number.`, location);
  if (Number.isFinite(v)) {
    throw new GateError(
      `${where}: the label ${text.trim()} is ${v < 0 ? 'negative' : `above ${MAX_LABEL}`}; a ranking label is a graded relevance, a number from 0 (not relevant) to ${MAX_LABEL}.`,
      location
    );
  }
  throw new GateError(
    Number.isNaN(v) && !/^\s*[+-]?(nan|inf(inity)?)\s*$/i.test(text)
      ? `${where}: ${quote(text.trim())} is not a number; write the ${what} as a plain decimal number such as ${what === 'label' ? '2' : '0.73'}.`
      : `${where}: ${quote(text.trim())} is not a finite number; every ${what} must be a finite number.`,
    location
  );
}

function requireText(file: string, line: number, column: string, text: string, what: string): string {
  if (text === '' || text.trim() === '') {
    throw new GateError(`${file} line ${line}, column "${column}": the ${what} is empty; every row needs one.`, { file, line, key: column });
  }
  return detach(text);
}

/** Reads one model's ranking predictions file. */
export async function readRankingPredictions(path: string, opts: RankingReadOptions): Promise<RankingPredictions> {
  const file = opts.displayPath;
  const cols = opts.columns;
  const queryColumn = cols.query ?? QUERY_COLUMN;
  const extraNames = [...new Set(opts.extraColumns ?? [])];
  const query: string[] = [];
  const item: string[] = [];
  const lines = growUint32();
  const label = growFloat64();
  const score = growFloat64();
  const queries = new Interner();
  const extras: string[][] = extraNames.map(() => []);
  const interners = extraNames.map(() => new Interner());
  let extraSlots: number[] = [];
  await scanTable(path, {
    displayPath: file,
    highWaterMark: opts.highWaterMark,
    onBytes: opts.onBytes,
    select(header) {
      const { requests, slot } = columnSlots();
      if (!header.includes(queryColumn)) throw missingColumnError(file, queryColumn, header, 'columns.query');
      slot(queryColumn, 'columns.query');
      slot(cols.id, 'columns.id');
      slot(cols.label, 'columns.label');
      slot(cols.score, 'columns.score');
      extraSlots = extraColumnSlots(file, header, extraNames, cols, slot);
      return requests;
    },
    onRow(values, line) {
      query.push(queries.keep(requireText(file, line, queryColumn, values[0]!, 'query')));
      item.push(requireText(file, line, cols.id, values[1]!, 'item id'));
      label.push(cell(file, line, cols.label, values[2]!, 'label'));
      score.push(cell(file, line, cols.score, values[3]!, 'score'));
      for (let k = 0; k < extras.length; k++) extras[k]!.push(interners[k]!.keep(values[extraSlots[k]!]!));
      lines.push(line);
    }
  });
  const extra: Record<string, string[]> = {};
  extraNames.forEach((name, k) => (extra[name] = extras[k]!));
  return { file, n: query.length, query, item, label: label.toArray(), score: score.toArray(), lines: lines.toArray(), extra };
}

/** `query q1, item i7`, for messages. */
function pairText(p: RankingPredictions, row: number): string {
  return `query ${formatId(p.query[row]!)}, item ${formatId(p.item[row]!)}`;
}

function pairs(n: number): string {
  return `${n} (query, item) pair${n === 1 ? '' : 's'}`;
}

/** Rows in (query, item) order; a pair that occurs twice is an error. */
function pairOrder(role: string, p: RankingPredictions): { order: Uint32Array; keys: string[] } {
  const keys = p.query.map((q, i) => pairKey(q, p.item[i]!));
  const order = sortedOrder(keys);
  let dups = 0;
  let first = -1;
  for (let k = 1; k < order.length; k++) {
    if (keys[order[k]!] !== keys[order[k - 1]!]) continue;
    dups++;
    if (first < 0) first = k;
  }
  if (dups > 0) {
    const a = order[first - 1]!;
    const b = order[first]!;
    throw new GateError(
      `${role} ${p.file} has ${dups} duplicate ${dups === 1 ? 'row' : 'rows'} of a (query, item) pair (e.g. ${pairText(p, a)} on lines ` +
        `${p.lines[a]} and ${p.lines[b]}); every item must appear once per query.`,
      { file: p.file, line: p.lines[b] }
    );
  }
  return { order, keys };
}

/**
 * Pairs the candidate's rows with the champion's on (query, item) and builds the paired data with one row per
 * query, in query order (the order no file dictates).
 */
export function alignRanking(c: RankingPredictions, h: RankingPredictions | undefined, clusterColumn?: string): PairedData {
  const { order, keys } = pairOrder('candidate', c);
  let champScore: Float64Array | undefined;
  let hOrderOfC: Uint32Array | undefined;
  if (h) {
    const { order: hOrder, keys: hKeys } = pairOrder('champion', h);
    const onlyC: number[] = [];
    const onlyH: number[] = [];
    const relabelled: [number, number][] = [];
    hOrderOfC = new Uint32Array(c.n);
    let a = 0;
    let b = 0;
    while (a < c.n || b < h.n) {
      const i = order[a]!;
      const j = hOrder[b]!;
      const cmp = a === c.n ? 1 : b === h.n ? -1 : keys[i] === hKeys[j] ? 0 : compareCodePoints(keys[i]!, hKeys[j]!);
      if (cmp < 0) {
        onlyC.push(i);
        a++;
      } else if (cmp > 0) {
        onlyH.push(j);
        b++;
      } else {
        hOrderOfC[a] = j;
        if (c.label[i] !== h.label[j]) relabelled.push([i, j]);
        a++;
        b++;
      }
    }
    const both = `candidate ${c.file} and champion ${h.file}`;
    if (onlyC.length || onlyH.length) {
      const parts: string[] = [];
      const only = (rows: number[], p: RankingPredictions) =>
        `${pairs(rows.length)} ${rows.length === 1 ? 'is' : 'are'} only in ${p.file} (e.g. ${rows.slice(0, 3).map((r) => pairText(p, r)).join('; ')})`;
      if (onlyC.length) parts.push(only(onlyC, c));
      if (onlyH.length) parts.push(only(onlyH, h));
      throw new GateError(`${both} do not rank the same (query, item) pairs: ${parts.join(' and ')}; score both models on the same pairs.`, { file: c.file });
    }
    if (relabelled.length) {
      const [i, j] = relabelled[0]!;
      throw new GateError(
        `${both} disagree on the label of ${pairs(relabelled.length)} (e.g. ${pairText(c, i)} is ${c.label[i]} at ${c.file} line ${c.lines[i]} ` +
          `but ${h.label[j]} at ${h.file} line ${h.lines[j]}); both files must carry the labels of the same test set.`,
        { file: c.file, line: c.lines[i] }
      );
    }
    champScore = new Float64Array(c.n);
    for (let k = 0; k < c.n; k++) champScore[k] = h.score[hOrderOfC[k]!]!;
  }
  const label = new Float64Array(c.n);
  const candScore = new Float64Array(c.n);
  for (let k = 0; k < c.n; k++) {
    label[k] = c.label[order[k]!]!;
    candScore[k] = c.score[order[k]!]!;
  }

  // Queries: runs of equal query ids in pair order.
  const start = growUint32();
  const count = growUint32();
  const firstRows: number[] = [];
  for (let k = 0; k < c.n; k++) {
    if (k === 0 || c.query[order[k]!] !== c.query[order[k - 1]!]) {
      start.push(k);
      count.push(0);
      firstRows.push(order[k]!);
    }
  }
  const starts = start.toArray();
  const counts = count.toArray();
  for (let q = 0; q < starts.length; q++) counts[q] = (q + 1 < starts.length ? starts[q + 1]! : c.n) - starts[q]!;

  const queryLevel = (p: RankingPredictions, rowOrder: ArrayLike<number>) => perQuery(p, rowOrder, starts, counts);
  const extra = textColumns(queryLevel(c, order));
  const nq = starts.length;
  const data: PairedData = {
    n: nq,
    label: new Uint8Array(nq),
    candidate: { file: c.file },
    champion: h ? { file: h.file } : undefined,
    extra,
    fingerprint: testSetFingerprintOf(keys, (i) => String(c.label[i]), order),
    queries: { start: starts, count: counts, rows: new RankedRows(label, candScore, champScore) }
  };
  if (clusterColumn !== undefined) {
    const rows = (p: RankingPredictions, ex: Record<string, TextColumn>) => ({
      file: p.file,
      n: nq,
      ids: IdColumn.of(firstRows.map((r) => c.query[r]!)),
      lines: Uint32Array.from(firstRows, (r) => c.lines[r]!),
      extra: ex
    });
    const hExtra = h && hOrderOfC ? textColumns(queryLevel(h, hOrderOfC)) : undefined;
    data.cluster = clusterIndex(clusterColumn, rows(c, extra), h && hExtra ? { ...rows(h, hExtra), lines: Uint32Array.from(starts, (s) => h.lines[hOrderOfC![s]!]!) } : undefined);
  }
  return data;
}

/** Each extra column's value per query; a column whose value changes within a query is an error. */
function perQuery(p: RankingPredictions, rowOrder: ArrayLike<number>, starts: Uint32Array, counts: Uint32Array): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(p.extra)) {
    const col: string[] = new Array(starts.length);
    for (let q = 0; q < starts.length; q++) {
      const first = rowOrder[starts[q]!]!;
      const v = values[first]!;
      for (let k = starts[q]! + 1; k < starts[q]! + counts[q]!; k++) {
        const r = rowOrder[k]!;
        if (values[r] !== v) {
          throw new GateError(
            `${p.file} line ${p.lines[r]}, column "${name}": query ${formatId(p.query[r]!)} has ${quote(values[r]!)} here but ${quote(v)} on line ${p.lines[first]}; ` +
              `segment, group and cluster columns of a ranking task describe the query, so write the same value on every row of a query.`,
            { file: p.file, line: p.lines[r], key: name }
          );
        }
      }
      col[q] = v;
    }
    out[name] = col;
  }
  return out;
}
