/**
 * Predictions files of the score task (docs/ranking.md, "Per-example scores"): per-example scores that are already
 * computed (judge scores, pass/fail, BLEU per item…), no label. Several rows with one id are repeated samples of
 * one item, and the two models may have different numbers of them: each model's rows are averaged within the id
 * (the score, and 1/0 for pass), so the engine's unit is the id (n = ids). Both files must hold the same ids.
 *
 * Segment, group and cluster columns describe the id, so each must hold one value per id.
 */
import type { ColumnNames } from '../config/types.js';
import { GateError } from '../base/errors.js';
import { growFloat64, growUint32 } from '../base/growable.js';
import { detach, formatId, Interner, quote } from '../base/text.js';
import { TextColumnBuilder, type TextColumn } from './text-column.js';
import { parseStrictNumber } from '../base/values.js';
import { matchRows, permute } from './align.js';
import { clusterIndex } from './clusters.js';
import { testSetFingerprintOf } from './fingerprint.js';
import { sortedOrder } from './id-order.js';
import { IdColumn } from './id-column.js';
import type { PairedData } from './paired-data.js';
import { columnSlots, extraColumnSlots, scanTable } from './table.js';

export interface ScoreReadOptions {
  displayPath: string;
  columns: ColumnNames;
  /** A row passes when score >= threshold (direction higher) or score <= threshold (lower). */
  threshold: number;
  /**
   * `threshold` is the config's default 0.5, not set by the user, and pass_rate is checked: a score outside [0, 1]
   * (a 1–10 judge scale) is then an error, not a pass rate of 100 %.
   */
  defaultThreshold?: boolean;
  direction: 'higher' | 'lower';
  extraColumns?: string[];
  highWaterMark?: number;
  /** Every raw byte of the file as it is read (the release card hashes the bytes that were parsed). */
  onBytes?: (chunk: Buffer) => void;
}

/** One model's scores averaged per id, ids in id order. */
export interface ScorePredictions {
  file: string;
  /** Distinct ids. */
  n: number;
  ids: IdColumn;
  /** Each id's first line, for messages. */
  lines: Uint32Array;
  mean: Float64Array;
  passShare: Float64Array;
  samples: Uint32Array;
  /** Rows of the file. */
  rows: number;
  extra: Record<string, TextColumn>;
}

/** Reads one model's score file and averages its rows within each id. */
export async function readScorePredictions(path: string, opts: ScoreReadOptions): Promise<ScorePredictions> {
  const file = opts.displayPath;
  const cols = opts.columns;
  const extraNames = [...new Set(opts.extraColumns ?? [])];
  const ids: string[] = [];
  const lines = growUint32();
  const score = growFloat64();
  const extras: string[][] = extraNames.map(() => []);
  const interners = extraNames.map(() => new Interner());
  const idText = new Interner();
  let extraSlots: number[] = [];
  await scanTable(path, {
    displayPath: file,
    highWaterMark: opts.highWaterMark,
    onBytes: opts.onBytes,
    select(header) {
      const { requests, slot } = columnSlots();
      slot(cols.id, 'columns.id');
      slot(cols.score, 'columns.score');
      extraSlots = extraColumnSlots(file, header, extraNames, cols, slot);
      return requests;
    },
    onRow(values, line) {
      const id = values[0]!;
      if (id === '' || id.trim() === '') {
        throw new GateError(`${file} line ${line}, column "${cols.id}": the id is empty; every row needs one.`, { file, line, key: cols.id });
      }
      // Repeated samples repeat the id: interning keeps one string per id.
      ids.push(idText.keep(detach(id)));
      const text = values[1]!;
      const v = parseStrictNumber(text);
      if (!(Math.abs(v) <= MAX_SCORE)) throw badScore(file, line, cols.score, text);
      if (opts.defaultThreshold && !(v >= 0 && v <= 1)) {
        throw new GateError(
          `${file} line ${line}, column "${cols.score}": ${text.trim()} is outside [0, 1], and pass_rate counts a sample as passing when ` +
            `its score is ${opts.direction === 'lower' ? '<=' : '>='} threshold, whose default 0.5 only fits scores in [0, 1]; ` +
            `set threshold to the passing score on your scale (for example 7 on a 1–10 judge scale).`,
          { file, line, key: cols.score }
        );
      }
      score.push(v);
      for (let k = 0; k < extras.length; k++) extras[k]!.push(interners[k]!.keep(values[extraSlots[k]!]!));
      lines.push(line);
    }
  });
  const rowLines = lines.toArray();
  const scores = score.toArray();
  const order = sortedOrder(ids);
  const outIds: string[] = [];
  const firstLines = growUint32();
  const mean = growFloat64();
  const pass = growFloat64();
  const samples = growUint32();
  const extra = extraNames.map(() => new TextColumnBuilder());
  const passes = (v: number) => (opts.direction === 'lower' ? v <= opts.threshold : v >= opts.threshold);
  for (let a = 0; a < order.length; ) {
    const first = order[a]!;
    let b = a;
    let s = 0;
    let p = 0;
    while (b < order.length && ids[order[b]!] === ids[first]) {
      const r = order[b]!;
      s += scores[r]!;
      if (passes(scores[r]!)) p++;
      extraNames.forEach((name, k) => {
        if (extras[k]![r] !== extras[k]![first]) {
          throw new GateError(
            `${file} line ${rowLines[r]}, column "${name}": id ${formatId(ids[r]!)} has ${quote(extras[k]![r]!)} here but ${quote(extras[k]![first]!)} on line ${rowLines[first]}; ` +
              `the rows of one id are samples of one item, so write the same ${name} on each of them.`,
            { file, line: rowLines[r], key: name }
          );
        }
      });
      b++;
    }
    const m = b - a;
    outIds.push(ids[first]!);
    firstLines.push(rowLines[first]!);
    mean.push(s / m);
    pass.push(p / m);
    samples.push(m);
    extras.forEach((texts, k) => extra[k]!.push(texts[first]!));
    a = b;
  }
  return {
    file,
    n: outIds.length,
    ids: IdColumn.of(outIds),
    lines: firstLines.toArray(),
    mean: mean.toArray(),
    passShare: pass.toArray(),
    samples: samples.toArray(),
    rows: scores.length,
    extra: Object.fromEntries(extraNames.map((name, k) => [name, extra[k]!.finish()]))
  };
}

/**
 * The largest score magnitude read. Intervals square differences of per-id mean scores and sum them over the
 * ids; below 1e100 that stays far inside double precision (which ends at 1.8e308), and no judge or reward model
 * scores on that scale.
 */
const MAX_SCORE = 1e100;

function badScore(file: string, line: number, column: string, text: string): GateError {
  const where = `${file} line ${line}, column "${column}"`;
  const location = { file, line, key: column };
  if (text.trim() === '') return new GateError(`${where}: the score is empty; every row needs a finite number.`, location);
  const v = parseStrictNumber(text);
  if (Number.isFinite(v)) {
    return new GateError(`${where}: the score ${quote(text.trim())} is beyond ±${MAX_SCORE}, too large to average and compare; check the scores for a unit or scaling mistake.`, location);
  }
  const word = /^\s*[+-]?(nan|inf(inity)?)\s*$/i.test(text);
  return new GateError(
    word
      ? `${where}: ${quote(text.trim())} is not a finite number; every score must be a finite number.`
      : `${where}: ${quote(text.trim())} is not a number; write scores as plain decimal numbers such as 0.73 (pass/fail as 1/0).`,
    location
  );
}

/** Pairs the two models' per-id averages: both files must hold the same ids (any number of rows each). */
export function alignScores(c: ScorePredictions, h: ScorePredictions | undefined, clusterColumn?: string): PairedData {
  // Both are in id order already, so the identity is each file's id order.
  const identity = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);
  const order = identity(c.n);
  let champion: PairedData['champion'];
  if (h) {
    const perm = matchRows(c, order, h, identity(h.n), { same: () => true, show: () => '' });
    champion = {
      file: h.file,
      value: permute(h.mean, perm, new Float64Array(c.n)),
      passShare: permute(h.passShare, perm, new Float64Array(c.n)),
      samples: permute(h.samples, perm, new Uint32Array(c.n))
    };
  }
  const data: PairedData = {
    n: c.n,
    label: new Uint8Array(c.n),
    candidate: { file: c.file, value: c.mean, passShare: c.passShare, samples: c.samples },
    champion,
    extra: c.extra,
    fingerprint: testSetFingerprintOf(c.ids, () => '', order)
  };
  if (clusterColumn !== undefined) data.cluster = clusterIndex(clusterColumn, c, h);
  return data;
}
