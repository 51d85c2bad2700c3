/**
 * Pairs the candidate's and the champion's predictions row by row (docs/predictions.md, the fixed test set rule): both
 * files must hold the same ids, each once, with the same labels; neither file's row order matters.
 *
 * Rows are matched by merging both files' rows in id order rather than through a Map from id to row: the
 * candidate's id order is needed for the fingerprint anyway, sorting is native (see id-order.ts), and a Map
 * of 10M strings is several times slower, costs hundreds of MB, and cannot hold more than 2^24 entries.
 * Examples in messages are the smallest offending ids, so they do not depend on row order either.
 */
import type { TextColumn } from './text-column.js';
import { GateError } from '../base/errors.js';
import { testSetFingerprint } from './fingerprint.js';
import { compareIdsAt, sameIdAt, type IdColumn } from './id-column.js';
import { compareCodePoints, sortedIdOrder } from './id-order.js';
import type { Predictions } from './predictions.js';
import { formatId } from '../base/text.js';
import { parseStrictNumber } from '../base/values.js';

export interface ModelPredictions {
  file: string;
  prediction?: Uint8Array;
  score?: Float64Array;
}

export interface PairedPredictions {
  n: number;
  /** In candidate row order. */
  label: Uint8Array;
  candidate: ModelPredictions;
  /** Reordered to the candidate's rows. */
  champion?: ModelPredictions;
  /** The candidate's extra columns. */
  extra: Record<string, TextColumn>;
  /** `sha256:` + hex, see fingerprint.ts. */
  fingerprint: string;
  /** The candidate's rows in id order (row indices), for callers that want an order no file dictates. */
  idOrder: Uint32Array;
}

export function alignPredictions(candidate: Predictions, champion: Predictions | undefined): PairedPredictions {
  const order = candidate.idOrder ?? sortedIdOrder(candidate.ids);
  checkUnique('candidate', candidate, order);
  let paired: ModelPredictions | undefined;
  if (champion) {
    const championOrder = champion.idOrder ?? sortedIdOrder(champion.ids);
    checkUnique('champion', champion, championOrder);
    const cls = (bit: number): string => (bit === 1 ? 'positive' : 'negative');
    const perm = matchRows(candidate, order, champion, championOrder, {
      same: (i, j) => candidate.label[i] === champion.label[j],
      show: (which, row) => cls((which === 'candidate' ? candidate : champion).label[row])
    });
    paired = {
      file: champion.file,
      prediction: champion.prediction && permute(champion.prediction, perm, new Uint8Array(perm.length)),
      score: champion.score && permute(champion.score, perm, new Float64Array(perm.length))
    };
  }
  return {
    n: candidate.n,
    label: candidate.label,
    candidate: { file: candidate.file, prediction: candidate.prediction, score: candidate.score },
    champion: paired,
    extra: candidate.extra,
    fingerprint: testSetFingerprint(candidate.ids, candidate.label, order),
    idOrder: order
  };
}

/** What aligning needs of a predictions file of any task: its path, ids and lines. */
export interface RowIds {
  file: string;
  n: number;
  ids: IdColumn;
  lines: Uint32Array;
}

/** How the labels of the two files are compared, and how a label reads in the mismatch message. */
export interface LabelMatch {
  same(candidateRow: number, championRow: number): boolean;
  show(which: 'candidate' | 'champion', row: number): string;
}

/**
 * Duplicates sit next to each other in id order (the sort is stable, so the earlier row comes first).
 * Exported with matchRows and permute for the multiclass and regression readers (task-predictions.ts).
 */
export function checkUnique(role: string, p: RowIds, order: Uint32Array): void {
  const dups: number[] = []; // the first row of each duplicated id
  let lines: [number, number] | undefined;
  const ids = p.ids;
  for (let k = 1; k < order.length; k++) {
    if (!sameIdAt(ids, order[k], ids, order[k - 1])) continue;
    if (dups.length > 0 && sameIdAt(ids, order[k], ids, dups[dups.length - 1])) continue;
    dups.push(order[k - 1]);
    lines ??= [p.lines[order[k - 1]], p.lines[order[k]]];
  }
  if (dups.length === 0) return;
  const total = dups.length;
  throw new GateError(
    `${role} ${p.file} has ${total} duplicate id${total === 1 ? '' : 's'} (e.g. ${exampleIds(dups.slice(0, 5).map((r) => ids.text(r)))}; ` +
      `id ${formatId(ids.text(dups[0]))} is on lines ${lines![0]} and ${lines![1]}); every test example must appear exactly once.`,
    { file: p.file, line: lines![1] }
  );
}

/**
 * For each candidate row, the champion row with the same id, found by walking both id orders together;
 * checks that the ids are the same set and the labels agree.
 */
export function matchRows(
  c: RowIds,
  cOrder: Uint32Array,
  h: RowIds,
  hOrder: Uint32Array,
  labels: LabelMatch
): Uint32Array {
  const perm = new Uint32Array(c.n);
  // Rows, made texts only for the message (and only the first five of them).
  const onlyCandidate: number[] = [];
  const onlyChampion: number[] = [];
  const relabelled: number[] = []; // candidate rows whose label differs, in id order
  let a = 0;
  let b = 0;
  while (a < c.n || b < h.n) {
    const i = cOrder[a];
    const j = hOrder[b];
    const order = a === c.n ? 1 : b === h.n ? -1 : compareIdsAt(c.ids, i, h.ids, j, compareCodePoints);
    if (order < 0) {
      onlyCandidate.push(i);
      a++;
    } else if (order > 0) {
      onlyChampion.push(j);
      b++;
    } else {
      perm[i] = j;
      if (!labels.same(i, j)) relabelled.push(i);
      a++;
      b++;
    }
  }

  const both = `candidate ${c.file} and champion ${h.file}`;
  if (onlyCandidate.length > 0 || onlyChampion.length > 0) {
    const parts: string[] = [];
    if (onlyCandidate.length > 0) parts.push(onlyIn(onlyCandidate, c));
    if (onlyChampion.length > 0) parts.push(onlyIn(onlyChampion, h));
    const fix = sameNumbers(onlyCandidate, c, onlyChampion, h)
      ? 'the ids are the same numbers written differently (e.g. 1.0 and 1): write them the same way in both files ' +
        '(pandas writes integer ids as floats when the column has a missing value)'
      : 'evaluate both models on the same rows';
    throw new GateError(`${both} do not cover the same test set: ${parts.join(' and ')}; ${fix}.`, { file: c.file });
  }
  if (relabelled.length > 0) {
    const i = relabelled[0];
    const j = perm[i];
    throw new GateError(
      `${both} disagree on the label of ${count(relabelled.length)} (e.g. ${exampleIds(relabelled.slice(0, 5).map((r) => c.ids.text(r)))}; ` +
        `id ${formatId(c.ids.text(i))} is ${labels.show('candidate', i)} at ${c.file} line ${c.lines[i]} but ${labels.show('champion', j)} at ${h.file} line ${h.lines[j]}); ` +
        `both files must carry the labels of the same test set.`,
      { file: c.file, line: c.lines[i] }
    );
  }
  return perm;
}

export function permute<T extends Uint8Array | Uint32Array | Float64Array>(src: T, perm: Uint32Array, out: T): T {
  for (let i = 0; i < perm.length; i++) out[i] = src[perm[i]];
  return out;
}

/**
 * Whether ids found in one file only are numbers that the other file also has, written another way ("1.0" and
 * "1", "007" and "7"): judged on up to 1,000 of each side's unmatched ids.
 */
function sameNumbers(onlyC: readonly number[], c: RowIds, onlyH: readonly number[], h: RowIds): boolean {
  const numbers = (rows: readonly number[], p: RowIds): Set<number> | undefined => {
    const out = new Set<number>();
    for (const r of rows.slice(0, 1000)) {
      const v = parseStrictNumber(p.ids.text(r));
      if (!Number.isFinite(v)) return undefined;
      out.add(v);
    }
    return out;
  };
  const a = numbers(onlyC, c);
  const b = a && numbers(onlyH, h);
  return a !== undefined && b !== undefined && [...a].some((v) => b.has(v));
}

function onlyIn(rows: readonly number[], p: RowIds): string {
  const shown = rows.slice(0, 5).map((r) => p.ids.text(r));
  return `${count(rows.length)} ${rows.length === 1 ? 'is' : 'are'} only in ${p.file} (e.g. ${exampleIds(shown)})`;
}

/** The first five ids (the smallest: every list here is in id order), as `17, 18, "a b"`. */
function exampleIds(ids: readonly string[]): string {
  return ids.slice(0, 5).map(formatId).join(', ');
}

function count(n: number): string {
  return `${n} id${n === 1 ? '' : 's'}`;
}
