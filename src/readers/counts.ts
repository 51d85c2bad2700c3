/**
 * Reads a counts file (docs/counts.md): binary predictions of both models pre-aggregated in a warehouse, one
 * row per combination of label, champion prediction, candidate prediction and segment/group values, with the
 * number of examples it stands for and, for mean losses, the sums over those examples. The result is paired
 * data whose rows carry weights (readers/paired-data.ts), which the engine evaluates exactly as the rows it summarises.
 *
 * Columns: `columns.label`, `candidate_prediction`, `champion_prediction` (optional: without it there is no
 * champion), `count`; for each mean loss L configured, `candidate_L_sum`, and with a champion `champion_L_sum`
 * and `L_diff_sq_sum` (Σ (candidate loss − champion loss)²); then the segment and group columns the config reads.
 * For roc_auc, `candidate_score_bin` and `champion_score_bin`: a number standing for the bin of each model's
 * score (the recipes write the bin's lower edge); they become the rows' scores, tied within a bin, and the
 * prediction columns may then be left out when no metric needs them.
 * Labels and predictions are written with the label values, as in predictions files.
 */
import { createHash } from 'node:crypto';
import type { ColumnNames } from '../config/types.js';
import type { LossSums, MeanLoss, PairedData } from './paired-data.js';
import { permuteRowsInPlace } from './subset.js';
import { GateError } from '../base/errors.js';
import { growFloat64, growUint8, type Growable } from '../base/growable.js';
import { compareCodePoints } from './id-order.js';
import { missingColumnError, scanTable } from './table.js';
import { quote } from '../base/text.js';
import { recoded, textAt, TextColumnBuilder, type TextColumn } from './text-column.js';
import { canonicalKey, parseStrictNumber } from '../base/values.js';

export const COUNTS_COLUMNS = {
  candidate: 'candidate_prediction',
  champion: 'champion_prediction',
  count: 'count',
  candidateBin: 'candidate_score_bin',
  championBin: 'champion_score_bin'
} as const;

/** The sum columns of a mean loss. */
export function lossSumColumns(loss: MeanLoss): { candidate: string; champion: string; diffSquares: string } {
  return { candidate: `candidate_${loss}_sum`, champion: `champion_${loss}_sum`, diffSquares: `${loss}_diff_sq_sum` };
}

export interface ReadCountsOptions {
  /** Path as the user wrote it, used in every message. */
  displayPath: string;
  columns: ColumnNames;
  positiveLabel: string;
  /** Mean losses the config checks: their sum columns are required. */
  losses: readonly MeanLoss[];
  /** Segment and fairness group columns to keep. */
  extraColumns: readonly string[];
  /** The metrics that read scores (roc_auc): the score bin columns are then required, and named in the message. */
  scoreMetrics?: readonly string[];
  /**
   * Whether a metric reads the hard predictions. Without score bins the prediction columns are always required
   * (they are what such a file is); with bins only when a metric needs them.
   */
  needPrediction?: boolean;
  highWaterMark?: number;
  /** Every raw byte of the file as it is read (the release card hashes the bytes that were parsed). */
  onBytes?: (chunk: Buffer) => void;
}

type Slot = { name: string; slot: number };

/** Streams the counts file at `path`; every problem is a GateError naming the file, and the line and column. */
export async function readCounts(path: string, opts: ReadCountsOptions): Promise<PairedData> {
  const file = opts.displayPath;
  const positiveKey = canonicalKey(opts.positiveLabel);
  const extraNames = [...new Set(opts.extraColumns)];
  let negativeKey: string | undefined;
  let negativeSeen: { column: string; line: number } | undefined;

  /** 1 for the positive label, 0 for the one other value; a third value is an error. */
  const bit = (text: string, column: string, line: number): number => {
    const key = canonicalKey(text);
    if (key === positiveKey) return 1;
    if (key === '') throw new GateError(`${file} line ${line}, column "${column}": the value is empty; every row needs one.`, { file, line, key: column });
    if (negativeKey === undefined) {
      negativeKey = key;
      negativeSeen = { column, line };
    } else if (key !== negativeKey) {
      throw new GateError(
        `${file} line ${line}, column "${column}": ${quote(text.trim())} is neither the positive label ${quote(opts.positiveLabel)} ` +
          `nor ${quote(negativeKey)} (first seen in column "${negativeSeen!.column}" on line ${negativeSeen!.line}); ` +
          `a binary counts file uses two label values, in labels and predictions alike.`,
        { file, line, key: column }
      );
    }
    return 0;
  };

  const label = growUint8();
  const cand = growUint8();
  const champ = growUint8();
  const candBin = growFloat64();
  const champBin = growFloat64();
  const weight = growFloat64();
  const scoreMetrics = opts.scoreMetrics ?? [];
  const binsNeeded = scoreMetrics.length > 0;
  const sums = opts.losses.map(() => ({ candidate: growFloat64(), champion: growFloat64(), diffSquares: growFloat64() }));
  const builders = extraNames.map(() => new TextColumnBuilder());
  let hasChampion = false;
  let hasPredictions = false;
  let total = 0;
  let slots: {
    label: number;
    cand: number;
    champ: number;
    candBin: number;
    champBin: number;
    count: number;
    sums: { candidate: Slot; champion?: Slot; diffSquares?: Slot }[];
    extra: number[];
  };

  await scanTable(path, {
    displayPath: file,
    highWaterMark: opts.highWaterMark,
    onBytes: opts.onBytes,
    select(header) {
      const requests: string[] = [];
      const need = (name: string, configKey?: string, fixed = true): number => {
        if (!header.includes(name)) throw missingColumnError(file, name, header, configKey, fixed ? COUNTS_HINT : undefined);
        const at = requests.indexOf(name);
        if (at >= 0) return at;
        requests.push(name);
        return requests.length - 1;
      };
      const binHint =
        `${scoreMetrics.join(' and ')} from a counts file needs each row's score bin of both models, ` +
        `${COUNTS_COLUMNS.candidateBin} and ${COUNTS_COLUMNS.championBin} (write them as the recipes in docs/counts.md do: floor(score · bins) / bins)`;
      const labelSlot = need(opts.columns.label, 'columns.label');
      hasChampion = header.includes(COUNTS_COLUMNS.champion) || (binsNeeded && header.includes(COUNTS_COLUMNS.championBin));
      // With bins and no metric that reads them, the prediction columns are optional; otherwise they are the file.
      hasPredictions = !binsNeeded || opts.needPrediction === true || header.includes(COUNTS_COLUMNS.candidate);
      const candSlot = hasPredictions ? need(COUNTS_COLUMNS.candidate) : -1;
      const champSlot = hasPredictions && hasChampion ? need(COUNTS_COLUMNS.champion) : -1;
      const binSlot = (name: string): number => {
        if (!header.includes(name)) throw missingColumnError(file, name, header, undefined, binHint);
        return need(name);
      };
      const candBinSlot = binsNeeded ? binSlot(COUNTS_COLUMNS.candidateBin) : -1;
      const champBinSlot = binsNeeded && hasChampion ? binSlot(COUNTS_COLUMNS.championBin) : -1;
      const countSlot = need(COUNTS_COLUMNS.count);
      slots = {
        label: labelSlot,
        cand: candSlot,
        champ: champSlot,
        candBin: candBinSlot,
        champBin: champBinSlot,
        count: countSlot,
        sums: opts.losses.map((loss) => {
          const names = lossSumColumns(loss);
          const slot = (name: string): Slot => ({ name, slot: need(name) });
          return hasChampion
            ? { candidate: slot(names.candidate), champion: slot(names.champion), diffSquares: slot(names.diffSquares) }
            : { candidate: slot(names.candidate) };
        }),
        extra: extraNames.map((name) => need(name, name === opts.columns.segment ? 'columns.segment' : undefined, false))
      };
      return requests;
    },
    onRow(values, line) {
      const count = countOf(file, line, values[slots.count]!);
      // A combination that never occurs adds nothing; leaving it out keeps "a segment matches no row" meaningful.
      if (count === 0) return;
      total += count;
      if (!Number.isSafeInteger(total)) {
        throw new GateError(
          `${file} line ${line}, column "${COUNTS_COLUMNS.count}": the counts so far add up to more than ${Number.MAX_SAFE_INTEGER}, ` +
            `beyond what can be counted exactly; check the count column.`,
          { file, line, key: COUNTS_COLUMNS.count }
        );
      }
      label.push(bit(values[slots.label]!, opts.columns.label, line));
      if (hasPredictions) {
        cand.push(bit(values[slots.cand]!, COUNTS_COLUMNS.candidate, line));
        if (hasChampion) champ.push(bit(values[slots.champ]!, COUNTS_COLUMNS.champion, line));
      }
      if (binsNeeded) {
        candBin.push(binOf(file, line, COUNTS_COLUMNS.candidateBin, values[slots.candBin]!));
        if (hasChampion) champBin.push(binOf(file, line, COUNTS_COLUMNS.championBin, values[slots.champBin]!));
      }
      weight.push(count);
      slots.sums.forEach((s, k) => {
        sums[k]!.candidate.push(sumOf(file, line, s.candidate.name, values[s.candidate.slot]!));
        if (s.champion) sums[k]!.champion.push(sumOf(file, line, s.champion.name, values[s.champion.slot]!));
        if (s.diffSquares) sums[k]!.diffSquares.push(sumOf(file, line, s.diffSquares.name, values[s.diffSquares.slot]!));
      });
      for (let k = 0; k < builders.length; k++) builders[k]!.push(values[slots.extra[k]!]!);
    }
  });

  const n = weight.length;
  if (n === 0) {
    throw new GateError(`${file} has no rows with a count above 0; it must count the examples of the test set.`, { file });
  }
  const labels = label.toArray();
  if (!labels.includes(1)) {
    throw new GateError(`${file}: the positive label ${quote(opts.positiveLabel)} never occurs; set positive_label to the value that marks the positive class.`, { file, key: 'positive_label' });
  }
  const extras = builders.map((b) => b.finish());
  const extra: Record<string, TextColumn> = {};
  extraNames.forEach((name, k) => (extra[name] = extras[k]!));
  const lossSums: Partial<Record<MeanLoss, LossSums>> = {};
  opts.losses.forEach((loss, k) => {
    const s = sums[k]!;
    lossSums[loss] = hasChampion
      ? { candidate: s.candidate.toArray(), champion: s.champion.toArray(), diffSquares: s.diffSquares.toArray() }
      : { candidate: s.candidate.toArray() };
  });
  const model = (prediction: Growable<Uint8Array>, bin: Growable<Float64Array>) => ({
    file,
    ...(hasPredictions ? { prediction: prediction.toArray() } : {}),
    ...(binsNeeded ? { score: bin.toArray() } : {})
  });
  const data: PairedData = {
    n,
    label: labels,
    candidate: model(cand, candBin),
    champion: hasChampion ? model(champ, champBin) : undefined,
    extra,
    fingerprint: countsFingerprint(labels, weight, extraNames, extras),
    weight: weight.toArray(),
    ...(opts.losses.length ? { lossSums } : {})
  };
  const ordered = permuteRowsInPlace(data, canonicalOrder(data, extraNames));
  for (const name of extraNames) ordered.extra[name] = recoded(ordered.extra[name]!);
  return ordered;
}

const COUNTS_HINT =
  'a counts file has the columns label (columns.label), candidate_prediction, champion_prediction, count and the sums of the mean losses checked (docs/counts.md)';

function countOf(file: string, line: number, text: string): number {
  const v = parseStrictNumber(text);
  if (Number.isSafeInteger(v) && v >= 0) return v;
  throw new GateError(
    `${file} line ${line}, column "${COUNTS_COLUMNS.count}": ${quote(text.trim())} is not a count; write a whole number of examples, 0 or more.`,
    { file, line, key: COUNTS_COLUMNS.count }
  );
}

function binOf(file: string, line: number, column: string, text: string): number {
  const v = parseStrictNumber(text);
  if (Number.isFinite(v)) return v;
  throw new GateError(
    `${file} line ${line}, column "${column}": ${quote(text.trim())} is not a score bin; write the number that stands for the bin (the recipes write its lower edge).`,
    { file, line, key: column }
  );
}

/**
 * The largest loss sum read: the interval squares and subtracts sums of these, and from 1e100 that stays far
 * inside double precision; per-example log losses (at most ~36) and Brier scores (at most 1) never add up to it.
 */
const MAX_SUM = 1e100;

function sumOf(file: string, line: number, column: string, text: string): number {
  const v = parseStrictNumber(text);
  if (v >= 0 && v <= MAX_SUM) return v;
  throw new GateError(
    `${file} line ${line}, column "${column}": ${quote(text.trim())} is not a sum of losses; write a finite number from 0 to ${MAX_SUM}.`,
    { file, line, key: column }
  );
}

/**
 * Rows sorted by everything that tells them apart (label, predictions, extra values, score bins), so the report
 * does not depend on the order a SQL engine happened to write them in. Extra values compare by their rank among
 * the column's distinct values in code-point order: numbers, not strings, in the comparator, which matters at
 * millions of counts rows.
 */
function canonicalOrder(data: PairedData, extraNames: readonly string[]): Uint32Array {
  const n = data.n;
  const cand = data.candidate.prediction;
  const champ = data.champion?.prediction;
  const head = new Uint8Array(n);
  for (let i = 0; i < n; i++) head[i] = data.label[i]! * 4 + (cand ? cand[i]! * 2 : 0) + (champ ? champ[i]! : 0);
  // Repeated combinations are allowed: their counts and sums break the tie, so sums add up in one order.
  const columns = ([
    head,
    ...extraNames.map((c) => ranksOf(data.extra[c]!)),
    data.candidate.score,
    data.champion?.score,
    data.weight!,
    ...Object.values(data.lossSums ?? {}).flatMap((s) => [s.candidate, s.champion, s.diffSquares])
  ] as (ArrayLike<number> | undefined)[]).filter((x): x is ArrayLike<number> => x !== undefined);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    for (const column of columns) if (column[a] !== column[b]) return column[a]! - column[b]!;
    return 0;
  });
  return order;
}

/** Each value's rank among the distinct values, in code-point order. */
function ranksOf(column: TextColumn): Uint32Array {
  const distinct = [...column.values].sort(compareCodePoints);
  const rank = new Map(distinct.map((v, i) => [v, i]));
  const byCode = Uint32Array.from(column.values, (v) => rank.get(v)!);
  return Uint32Array.from(column.codes, (c) => byCode[c]!);
}

/**
 * `sha256:` over the test set's composition as the counts file shows it: per distinct (label, extra values),
 * the number of examples, sorted. A counts file has no ids, so this is not comparable with a rows fingerprint;
 * it does change when the test set's labels or segments do, and not with the models' predictions.
 */
function countsFingerprint(label: Uint8Array, weight: Growable<Float64Array>, extraNames: readonly string[], extras: TextColumn[]): string {
  const w = weight.toArray();
  const totals = new Map<string, number>();
  for (let i = 0; i < label.length; i++) {
    const key = [String(label[i]), ...extraNames.map((_, k) => canonicalKey(textAt(extras[k]!, i)))].join('\t');
    totals.set(key, (totals.get(key) ?? 0) + w[i]!);
  }
  const lines = [...totals.entries()].map(([k, v]) => `${k}\t${v}\n`).sort(compareCodePoints);
  const h = createHash('sha256');
  for (const l of lines) h.update(l);
  return `sha256:${h.digest('hex')}`;
}
