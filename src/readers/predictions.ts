/**
 * Reads one model's predictions file for the binary task (docs/predictions.md) into typed arrays, validating as it
 * streams: ids and labels present, at most two label values with `positive_label` among them, scores finite
 * (and within [0, 1] when a metric needs probabilities), predictions using the label values.
 *
 * Only the columns the configured metrics need are read; a score column is not parsed when hard predictions
 * come from a prediction column and no metric ranks by score.
 */
import type { ColumnNames } from '../config/types.js';
import { GateError } from '../base/errors.js';
import { growFloat64, growUint32, growUint8 } from '../base/growable.js';
import { extraColumnSlots, keepLines, listColumns, columnSlots, scanTable, withRowLines, type ColumnRequest } from './table.js';
import { quote } from '../base/text.js';
import { TextColumnBuilder, type TextColumn } from './text-column.js';
import { IdColumnBuilder, type IdColumn } from './id-column.js';
import { canonicalKey, parseStrictNumber, ValueCoder } from '../base/values.js';

export interface ReadPredictionsOptions {
  /** Path as the user wrote it, used in every message. */
  displayPath: string;
  columns: ColumnNames;
  /** Binary: prediction = score >= threshold when there is no prediction column. */
  threshold: number;
  /**
   * `threshold` is the config's default 0.5, not set by the user: when hard predictions come from the scores, a
   * score outside [0, 1] (a logit, a margin, a percentage) is an error, not a silent "everything positive".
   */
  defaultThreshold?: boolean;
  /** As written in the config; compared with labels by canonical key (see values.ts). */
  positiveLabel: string;
  /** What the metrics need of the score column: not needed / any finite real / within [0, 1]. */
  score: 'none' | 'finite' | 'probability';
  /** Some metric needs hard predictions. */
  needPrediction: boolean;
  /** Raw text columns to keep (segments, fairness groups). */
  extraColumns?: string[];
  /** Bytes per read; tests use tiny values to split records across chunks. */
  highWaterMark?: number;
  /** Every raw byte of the file as it is read (the release card hashes the bytes that were parsed). */
  onBytes?: (chunk: Buffer) => void;
}

export interface Predictions {
  /** displayPath */
  file: string;
  n: number;
  /** The ids, exactly as in the file (as UTF-8 bytes, see id-column.ts). */
  ids: IdColumn;
  /** 1 = positive class. */
  label: Uint8Array;
  /** 1 = predicted positive (from the prediction column, else score >= threshold). */
  prediction?: Uint8Array;
  score?: Float64Array;
  /** Physical line of each row, for messages: found again in the file when first read (table.ts withRowLines). */
  lines: Uint32Array;
  extra: Record<string, TextColumn>;
  /** Row indices in id order (id-order.ts), when already sorted where the file was read (a worker thread). */
  idOrder?: Uint32Array;
}

/** Stop at the sixth label value: five are enough for the message, and the codes stay bytes. */
const MAX_LABEL_KEYS = 6;
const MAX_PREDICTION_KEYS = 8;

/** Which value slots hold what, decided once the header is known. */
interface Plan {
  requests: ColumnRequest[];
  score: number; // slot, or -1 when not read
  prediction: number;
  extra: number[];
}

/** Streams the predictions file at `path` once; every problem is a GateError naming `opts.displayPath`. */
export async function readPredictions(path: string, opts: ReadPredictionsOptions): Promise<Predictions> {
  const file = opts.displayPath;
  const cols = opts.columns;
  const positiveKey = canonicalKey(opts.positiveLabel);
  const probability = opts.score === 'probability';
  const extraNames = [...new Set(opts.extraColumns ?? [])];

  const ids = new IdColumnBuilder();
  const keep = keepLines(path);
  const lines = growUint32();
  const labelCodes = growUint8();
  const predictionCodes = growUint8();
  const scores = growFloat64();
  const extras = extraNames.map(() => new TextColumnBuilder());
  const labelCoder = new ValueCoder((key, code, line) => {
    if (key === '') throw emptyValue(file, line, cols.label, 'label');
    if (code >= MAX_LABEL_KEYS - 1) throw tooManyLabels(file, cols.label, labelCoder.texts, true);
  });
  const predictionCoder = new ValueCoder((key, code, line) => {
    if (key === '') throw emptyValue(file, line, cols.prediction, 'prediction');
    if (code >= MAX_PREDICTION_KEYS) {
      throw new GateError(
        `${file} line ${line}, column "${cols.prediction}": found more than ${MAX_PREDICTION_KEYS} different predictions in a binary task; ` +
          `write each prediction as one of the two label values.`,
        { file, line, key: cols.prediction }
      );
    }
  });

  let plan: Plan = { requests: [], score: -1, prediction: -1, extra: [] };
  // Hard predictions will be score >= the default threshold: scores must then be on the probability scale.
  let probabilityCutoff = false;
  await scanTable(path, {
    displayPath: file,
    highWaterMark: opts.highWaterMark,
    onBytes: opts.onBytes,
    select(header) {
      plan = planColumns(file, header, opts, extraNames);
      probabilityCutoff = opts.defaultThreshold === true && opts.needPrediction && plan.prediction < 0;
      return plan.requests;
    },
    onEstimate(rows) {
      ids.reserve(rows);
      labelCodes.reserve(rows);
      if (plan.score >= 0) scores.reserve(rows);
      if (plan.prediction >= 0) predictionCodes.reserve(rows);
      for (const e of extras) e.reserve(rows);
    },
    onRow(values, line) {
      const id = values[0];
      if (id === '' || (id.charCodeAt(0) <= 32 && id.trim() === '')) throw emptyValue(file, line, cols.id, 'id');
      ids.push(id);
      labelCodes.push(labelCoder.code(values[1], line));
      if (plan.score >= 0) {
        const text = values[plan.score];
        const v = parseStrictNumber(text);
        if (!Number.isFinite(v) || (probability && !(v >= 0 && v <= 1))) throw badScore(file, line, cols.score, text, v);
        if (probabilityCutoff && !(v >= 0 && v <= 1)) throw notProbabilityScale(file, line, cols.score, text);
        scores.push(v);
      }
      if (plan.prediction >= 0) predictionCodes.push(predictionCoder.code(values[plan.prediction], line));
      for (let k = 0; k < extras.length; k++) extras[k].push(values[plan.extra[k]]);
      if (keep) lines.push(line);
    }
  });

  const label = labelCodes.toArray();
  const negativeKey = binaryLabels(file, cols.label, labelCoder, positiveKey, opts.positiveLabel, label);
  const score = plan.score >= 0 ? scores.toArray() : undefined;
  let prediction: Uint8Array | undefined;
  if (plan.prediction >= 0) {
    prediction = predictionCodes.toArray();
    binaryPredictions(file, cols.prediction, predictionCoder, opts.positiveLabel, negativeKey, prediction);
  } else if (opts.needPrediction && score) {
    prediction = new Uint8Array(score.length);
    for (let i = 0; i < score.length; i++) prediction[i] = score[i] >= opts.threshold ? 1 : 0;
  }

  const extra: Record<string, TextColumn> = {};
  extraNames.forEach((name, k) => (extra[name] = extras[k].finish()));
  return withRowLines({ file, n: label.length, ids: ids.finish(), label, prediction, score, extra }, path, file, keep ? lines.toArray() : undefined);
}

/** The columns to read given the header: id and label always, score and prediction as the metrics need. */
function planColumns(
  file: string,
  header: readonly string[],
  opts: ReadPredictionsOptions,
  extraNames: readonly string[]
): Plan {
  const cols = opts.columns;
  const { requests, slot } = columnSlots();
  slot(cols.id, 'columns.id');
  slot(cols.label, 'columns.label');
  const fromColumn = opts.needPrediction && header.includes(cols.prediction);
  const needScore = opts.score !== 'none' || (opts.needPrediction && !fromColumn);
  if (needScore && opts.score === 'none' && !header.includes(cols.score)) {
    throw new GateError(
      `${file} has neither a "${cols.prediction}" nor a "${cols.score}" column (its columns are ${listColumns(header)}); ` +
        `hard predictions come from columns.prediction or from columns.score with threshold, so set one of them.`,
      { file, key: 'columns.prediction' }
    );
  }
  const score = needScore ? slot(cols.score, 'columns.score') : -1;
  const prediction = fromColumn ? slot(cols.prediction, 'columns.prediction') : -1;
  const extra = extraColumnSlots(file, header, extraNames, cols, slot);
  return { requests, score, prediction, extra };
}

/**
 * Checks the label column holds at most two values, one of them the positive label, and rewrites the codes
 * in `label` to 1 (positive) / 0. Returns the other label's key, if the column has one.
 */
function binaryLabels(
  file: string,
  column: string,
  coder: ValueCoder,
  positiveKey: string,
  positiveLabel: string,
  label: Uint8Array
): string | undefined {
  if (coder.keys.length > 2) throw tooManyLabels(file, column, coder.texts, false);
  const positive = coder.keys.indexOf(positiveKey);
  if (positive < 0) {
    const found = coder.texts.map((t) => quote(t)).join(' and ');
    throw new GateError(
      `${file}, column "${column}": the positive label ${quote(positiveLabel)} never occurs (the labels are ${found}); ` +
        `set positive_label to the value that marks the positive class.`,
      { file, key: 'positive_label' }
    );
  }
  for (let i = 0; i < label.length; i++) label[i] = label[i] === positive ? 1 : 0;
  return coder.keys.find((k) => k !== positiveKey);
}

/** Maps prediction codes in place to 1 (positive label) / 0 (the other label); any other value is an error. */
function binaryPredictions(
  file: string,
  column: string,
  coder: ValueCoder,
  positiveLabel: string,
  negativeKey: string | undefined,
  prediction: Uint8Array
): void {
  const positiveKey = canonicalKey(positiveLabel);
  // Labels that are all positive leave the negative value unknown: the first other prediction value is it.
  const negative = negativeKey ?? coder.keys.find((k) => k !== positiveKey);
  const bit = coder.keys.map((k, code) => {
    if (k === positiveKey) return 1;
    if (k === negative) return 0;
    const other = negativeKey === undefined ? '' : ` nor the other label ${quote(negativeKey)}`;
    const line = coder.firstLines[code];
    throw new GateError(
      `${file} line ${line}, column "${column}": ${quote(coder.texts[code])} is neither the positive label ${quote(positiveLabel)}${other}; ` +
        `write predictions with the same values as the labels.`,
      { file, line, key: column }
    );
  });
  for (let i = 0; i < prediction.length; i++) prediction[i] = bit[prediction[i]];
}

function emptyValue(file: string, line: number, column: string, what: string): GateError {
  return new GateError(
    `${file} line ${line}, column "${column}": the ${what} is empty; every row needs one.`,
    { file, line, key: column }
  );
}

function tooManyLabels(file: string, column: string, texts: readonly string[], more: boolean): GateError {
  const shown = texts.slice(0, 5).map((t) => quote(t)).join(', ') + (more ? ', …' : '');
  return new GateError(
    `${file}, column "${column}": a binary task needs two label values but the file has more (${shown}); ` +
      `fix the labels or set task: multiclass.`,
    { file, key: column }
  );
}

/** A score as a message shows it: trimmed, and quoted when long. */
function shownScore(text: string): string {
  const t = text.trim();
  return t.length > 40 ? quote(t) : t;
}

function notProbabilityScale(file: string, line: number, column: string, text: string): GateError {
  return new GateError(
    `${file} line ${line}, column "${column}": ${shownScore(text)} is outside [0, 1], and with no prediction column the hard predictions are ` +
      `score >= threshold, whose default 0.5 is a probability cut-off; set threshold to the cut-off on your scores' scale ` +
      `(0 for logits or margins, 50 for percentages) or add a prediction column.`,
    { file, line, key: column }
  );
}

function badScore(file: string, line: number, column: string, text: string, v: number): GateError {
  const where = `${file} line ${line}, column "${column}"`;
  const location = { file, line, key: column };
  if (text.trim() === '') {
    return new GateError(`${where}: the score is empty; every row needs a finite number.`, location);
  }
  if (Number.isFinite(v)) {
    return new GateError(
      `${where}: ${shownScore(text)} is outside [0, 1], but log_loss, brier and ece need probabilities; ` +
        `write calibrated probabilities or drop those metrics.`,
      location
    );
  }
  const word = /^\s*[+-]?(nan|inf(inity)?)\s*$/i.test(text) || !Number.isNaN(v);
  return new GateError(
    word
      ? `${where}: ${quote(text.trim())} is not a finite number; every score must be a finite number.`
      : `${where}: ${quote(text.trim())} is not a number; write scores as plain decimal numbers such as 0.73.`,
    location
  );
}
