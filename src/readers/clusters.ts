/**
 * The cluster column (`columns.cluster`): each row's cluster as an index, from the candidate's file, checked
 * against the champion's file like the labels are (the fixed test set rule): an id must be in the same
 * cluster in both files, since the cluster decides which rows the intervals resample together.
 *
 * The values are read as a text column (text-column.ts), like segment values; an empty value is an error.
 */
import { GateError } from '../base/errors.js';
import { sameIdAt, type IdColumn } from './id-column.js';
import { sortedIdOrder } from './id-order.js';
import { formatId, quote } from '../base/text.js';
import { textAt, type TextColumn } from './text-column.js';

/** What the cluster check needs of a predictions file of any task. */
export interface ClusterRows {
  file: string;
  n: number;
  ids: IdColumn;
  lines: Uint32Array;
  extra: Record<string, TextColumn>;
}

/**
 * Per candidate row, the index of its cluster value (0 … distinct values − 1, in order of first appearance).
 * With a champion (already aligned: same ids, each once), every id's cluster must be the same in both files.
 */
export function clusterIndex(column: string, candidate: ClusterRows, champion?: ClusterRows): Uint32Array {
  const values = columnOf(column, candidate);
  // The column's codes already number its distinct values in order of first appearance.
  const empty = Uint8Array.from(values.values, (v) => (v.trim() === '' ? 1 : 0));
  const index = new Uint32Array(candidate.n);
  for (let i = 0; i < candidate.n; i++) {
    const c = values.codes[i]!;
    if (empty[c]) throw emptyCluster(candidate, column, i);
    index[i] = c;
  }
  if (champion) checkSameClusters(column, candidate, values, champion, columnOf(column, champion));
  return index;
}

function columnOf(column: string, p: ClusterRows): TextColumn {
  const values = p.extra[column];
  if (!values) throw new Error(`the reader of ${p.file} did not keep the cluster column "${column}"`);
  return values;
}

function emptyCluster(p: ClusterRows, column: string, row: number): GateError {
  return new GateError(
    `${p.file} line ${p.lines[row]}, column "${column}": the cluster is empty; with columns.cluster every row needs one.`,
    { file: p.file, line: p.lines[row], key: column }
  );
}

/** Both files' rows walked in id order (the ids are the same set, each once, once aligned). */
function checkSameClusters(column: string, c: ClusterRows, cv: TextColumn, h: ClusterRows, hv: TextColumn): void {
  const co = sortedIdOrder(c.ids);
  const ho = sortedIdOrder(h.ids);
  const differ: [number, number][] = [];
  for (let k = 0; k < co.length; k++) {
    const i = co[k]!;
    const j = ho[k]!;
    if (!sameIdAt(c.ids, i, h.ids, j)) throw new Error('checkSameClusters: the files were not aligned');
    if (textAt(cv, i) !== textAt(hv, j)) {
      const empty = textAt(hv, j).trim() === '';
      if (empty) throw emptyCluster(h, column, j);
      differ.push([i, j]);
    }
  }
  if (differ.length === 0) return;
  const [i, j] = differ[0]!;
  const examples = differ.slice(0, 5).map(([r]) => formatId(c.ids.text(r))).join(', ');
  const count = `${differ.length} id${differ.length === 1 ? '' : 's'}`;
  throw new GateError(
    `candidate ${c.file} and champion ${h.file} disagree on the cluster of ${count} (e.g. ${examples}; ` +
      `id ${formatId(c.ids.text(i))} is in cluster ${quote(textAt(cv, i))} at ${c.file} line ${c.lines[i]} but ${quote(textAt(hv, j))} at ${h.file} line ${h.lines[j]}); ` +
      `both files must carry the same "${column}" column for the same test set.`,
    { file: c.file, line: c.lines[i] }
  );
}
