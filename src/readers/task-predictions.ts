/**
 * Predictions files of the multiclass and regression tasks (docs/predictions.md), read into typed arrays and aligned by id
 * under the same fixed-test-set rules as the binary reader (align.ts): duplicate ids, ids in one file only and
 * different labels for the same id are errors.
 *
 * Multiclass: `columns.label` and `columns.prediction` hold class names; per-class probabilities, when a
 * metric needs them (log_loss), are the columns named `<columns.score_prefix><class>`. Class names are
 * compared by canonical key (values.ts: trimmed, `1` = `1.0`, true/false in any case), like binary labels.
 * Without a prediction column the predicted class is the most probable one (the first column on ties, as
 * numpy's argmax). Every label must have a probability column when log_loss is checked.
 *
 * Regression: `columns.label` and `columns.prediction` hold finite numbers.
 *
 * Every message names the file, the line and the column.
 */
import type { ColumnNames } from '../config/types.js';
import type { PairedData } from './paired-data.js';
import { GateError } from '../base/errors.js';
import { checkUnique, matchRows, permute, type RowIds } from './align.js';
import { testSetFingerprintOf } from './fingerprint.js';
import { growFloat64, growUint32 } from '../base/growable.js';
import { compareCodePoints, sortedIdOrder } from './id-order.js';
import { IdColumnBuilder } from './id-column.js';
import { extraColumnSlots, keepLines, listColumns, columnSlots, scanTable, withRowLines, type ColumnRequest } from './table.js';
import { quote } from '../base/text.js';
import { TextColumnBuilder, type TextColumn } from './text-column.js';
import { canonicalKey, parseStrictNumber, ValueCoder } from '../base/values.js';

/** More classes than this is almost surely a regression target or an id read as a label. */
export const MAX_CLASSES = 1000;

export interface TaskReadOptions {
  /** Path as the user wrote it, used in every message. */
  displayPath: string;
  columns: ColumnNames;
  /** Some metric needs the predicted class (multiclass) or value (regression). */
  needPrediction: boolean;
  /** Multiclass: some metric needs per-class probabilities (log_loss). */
  needProba: boolean;
  /** Raw text columns to keep (segments, fairness groups). */
  extraColumns?: string[];
  /** Bytes per read; tests use tiny values. */
  highWaterMark?: number;
  /** Every raw byte of the file as it is read (the release card hashes the bytes that were parsed). */
  onBytes?: (chunk: Buffer) => void;
}

interface Rows extends RowIds {
  extra: Record<string, TextColumn>;
}

export interface MulticlassPredictions extends Rows {
  /** Canonical keys of every class this file names (probability columns first, in header order). */
  classKeys: string[];
  /** How each class was first written, for messages and the report. */
  classTexts: string[];
  /** Each row's label: an index into classKeys. */
  label: Uint32Array;
  prediction?: Uint32Array;
  /** Number of probability columns: classes 0 … probaClasses − 1 of classKeys, in that order. */
  probaClasses: number;
  /** Row-major n × probaClasses. */
  proba?: Float64Array;
}

export interface RegressionPredictions extends Rows {
  target: Float64Array;
  value?: Float64Array;
}

function emptyValue(file: string, line: number, column: string, what: string): GateError {
  return new GateError(`${file} line ${line}, column "${column}": the ${what} is empty; every row needs one.`, {
    file,
    line,
    key: column
  });
}

function emptyId(file: string, line: number, column: string): GateError {
  return emptyValue(file, line, column, 'id');
}

function requireId(file: string, id: string, line: number, column: string): string {
  if (id === '' || (id.charCodeAt(0) <= 32 && id.trim() === '')) throw emptyId(file, line, column);
  return id;
}

/** A number from a cell, or a GateError naming file, line and column. */
function number(file: string, line: number, column: string, text: string, what: string, probability = false): number {
  const v = parseStrictNumber(text);
  // The common case returns before any message is built: this runs for every cell of 10M-row files.
  if (Number.isFinite(v) && (!probability || (v >= 0 && v <= 1))) return v;
  const where = `${file} line ${line}, column "${column}"`;
  const location = { file, line, key: column };
  if (text.trim() === '') throw new GateError(`${where}: the ${what} is empty; every row needs a finite number.`, location);
  if (!Number.isFinite(v)) {
    throw new GateError(
      Number.isNaN(v) && !/^\s*[+-]?(nan|inf(inity)?)\s*$/i.test(text)
        ? `${where}: ${quote(text.trim())} is not a number; write the ${what} as a plain decimal number such as 0.73.`
        : `${where}: ${quote(text.trim())} is not a finite number; every ${what} must be a finite number.`,
      location
    );
  }
  if (probability && !(v >= 0 && v <= 1)) {
    throw new GateError(`${where}: ${text.trim().length > 40 ? quote(text.trim()) : text.trim()} is outside [0, 1]; class probabilities must lie between 0 and 1.`, location);
  }
  return v;
}

/** Reads a multiclass predictions file. */
export async function readMulticlassPredictions(path: string, opts: TaskReadOptions): Promise<MulticlassPredictions> {
  const file = opts.displayPath;
  const cols = opts.columns;
  const extraNames = [...new Set(opts.extraColumns ?? [])];
  const ids = new IdColumnBuilder();
  const keep = keepLines(path);
  const lines = growUint32();
  const labels = growUint32();
  const predictions = growUint32();
  const proba = growFloat64();
  const extras = extraNames.map(() => new TextColumnBuilder());
  const coder = new ValueCoder((_key, code, line) => {
    if (code >= MAX_CLASSES) {
      throw new GateError(
        `${file} line ${line}: more than ${MAX_CLASSES} different classes; check that task: multiclass is right ` +
          `and that columns.label and columns.prediction name the class columns.`,
        { file, line, key: cols.label }
      );
    }
  });

  let plan: MulticlassPlan = { requests: [], prediction: -1, proba: [], probaNames: [], extra: [] };
  let probaClasses = 0;
  await scanTable(path, {
    displayPath: file,
    highWaterMark: opts.highWaterMark,
    onBytes: opts.onBytes,
    select(header) {
      plan = planMulticlass(file, header, opts, extraNames);
      // Probability columns name the first classes, in header order; two spellings of one class are an error.
      plan.probaNames.forEach((name, j) => {
        const cls = name.slice(cols.score_prefix.length);
        if (coder.code(cls, 1) < j) {
          const first = plan.probaNames.find((other) => canonicalKey(other.slice(cols.score_prefix.length)) === canonicalKey(cls));
          throw new GateError(`${file} has two probability columns for class ${quote(cls)} (${first} and ${name}); keep one.`, {
            file,
            key: name
          });
        }
      });
      probaClasses = plan.probaNames.length;
      return plan.requests;
    },
    onRow(values, line) {
      ids.push(requireId(file, values[0], line, cols.id));
      const labelText = values[1];
      if (labelText.trim() === '') throw emptyValue(file, line, cols.label, 'label');
      const label = coder.code(labelText, line);
      if (opts.needProba && label >= probaClasses) {
        throw new GateError(
          `${file} line ${line}, column "${cols.label}": the label ${quote(labelText.trim())} has no probability column ` +
            `"${cols.score_prefix}${labelText.trim()}"; log_loss needs a probability for every class that occurs as a label ` +
            `(the file's probability columns are ${listColumns(plan.probaNames)}).`,
          { file, line, key: cols.label }
        );
      }
      labels.push(label);
      let best = -1;
      let argmax = 0;
      for (let j = 0; j < plan.proba.length; j++) {
        const v = number(file, line, plan.probaNames[j]!, values[plan.proba[j]!]!, 'probability', true);
        // Without a metric that needs them, probabilities are read only to pick the most probable class.
        if (opts.needProba) proba.push(v);
        if (v > best) [best, argmax] = [v, j];
      }
      if (plan.prediction >= 0) {
        const text = values[plan.prediction]!;
        if (text.trim() === '') throw emptyValue(file, line, cols.prediction, 'prediction');
        predictions.push(coder.code(text, line));
      } else if (opts.needPrediction) {
        predictions.push(argmax);
      }
      for (let k = 0; k < extras.length; k++) extras[k]!.push(values[plan.extra[k]!]!);
      if (keep) lines.push(line);
    }
  });
  const extra: Record<string, TextColumn> = {};
  extraNames.forEach((name, k) => (extra[name] = extras[k]!.finish()));
  const rows = {
    file,
    n: ids.length,
    ids: ids.finish(),
    extra,
    classKeys: [...coder.keys],
    classTexts: [...coder.texts],
    label: labels.toArray(),
    prediction: opts.needPrediction ? predictions.toArray() : undefined,
    probaClasses,
    proba: opts.needProba ? proba.toArray() : undefined
  };
  return withRowLines(rows, path, file, keep ? lines.toArray() : undefined);
}

/** Which value slots hold what, decided once the header is known. */
interface MulticlassPlan {
  requests: ColumnRequest[];
  /** Slot of the prediction column, or -1 (not needed, or taken as the most probable class). */
  prediction: number;
  /** Slots of the probability columns read, and their names. */
  proba: number[];
  probaNames: string[];
  extra: number[];
}

function planMulticlass(
  file: string,
  header: readonly string[],
  opts: TaskReadOptions,
  extraNames: readonly string[]
): MulticlassPlan {
  const cols = opts.columns;
  const { requests, slot } = columnSlots();
  slot(cols.id, 'columns.id');
  slot(cols.label, 'columns.label');
  const probaNames = header.filter((h) => h.startsWith(cols.score_prefix) && h.length > cols.score_prefix.length);
  const fromColumn = opts.needPrediction && header.includes(cols.prediction);
  if (opts.needProba && probaNames.length === 0) {
    throw new GateError(
      `${file} has no probability columns (named ${cols.score_prefix}<class>, columns.score_prefix); log_loss needs one per class. ` +
        `Its columns are ${listColumns(header)}.`,
      { file, key: 'columns.score_prefix' }
    );
  }
  if (opts.needPrediction && !fromColumn && probaNames.length === 0) {
    throw new GateError(
      `${file} has neither a "${cols.prediction}" column nor probability columns (${cols.score_prefix}<class>); ` +
        `its columns are ${listColumns(header)}; set columns.prediction to the column of predicted classes.`,
      { file, key: 'columns.prediction' }
    );
  }
  const useProba = opts.needProba || (opts.needPrediction && !fromColumn);
  const kept = useProba ? probaNames : [];
  const proba = kept.map((name) => slot(name, 'columns.score_prefix'));
  const prediction = fromColumn ? slot(cols.prediction, 'columns.prediction') : -1;
  const extra = extraColumnSlots(file, header, extraNames, cols, slot);
  return { requests, prediction, proba, probaNames: kept, extra };
}

/** Reads a regression predictions file: numeric labels and (when a metric needs them) numeric predictions. */
export async function readRegressionPredictions(path: string, opts: TaskReadOptions): Promise<RegressionPredictions> {
  const file = opts.displayPath;
  const cols = opts.columns;
  const extraNames = [...new Set(opts.extraColumns ?? [])];
  const ids = new IdColumnBuilder();
  const keep = keepLines(path);
  const lines = growUint32();
  const target = growFloat64();
  const value = growFloat64();
  const extras = extraNames.map(() => new TextColumnBuilder());
  let extraSlots: number[] = [];
  await scanTable(path, {
    displayPath: file,
    highWaterMark: opts.highWaterMark,
    onBytes: opts.onBytes,
    select(header) {
      const { requests, slot } = columnSlots();
      slot(cols.id, 'columns.id');
      slot(cols.label, 'columns.label');
      if (opts.needPrediction) slot(cols.prediction, 'columns.prediction');
      extraSlots = extraColumnSlots(file, header, extraNames, cols, slot);
      return requests;
    },
    onRow(values, line) {
      ids.push(requireId(file, values[0]!, line, cols.id));
      target.push(number(file, line, cols.label, values[1]!, 'label'));
      if (opts.needPrediction) value.push(number(file, line, cols.prediction, values[2]!, 'prediction'));
      for (let k = 0; k < extras.length; k++) extras[k]!.push(values[extraSlots[k]!]!);
      if (keep) lines.push(line);
    }
  });
  const extra: Record<string, TextColumn> = {};
  extraNames.forEach((name, k) => (extra[name] = extras[k]!.finish()));
  const rows = {
    file,
    n: ids.length,
    ids: ids.finish(),
    extra,
    target: target.toArray(),
    value: opts.needPrediction ? value.toArray() : undefined
  };
  return withRowLines(rows, path, file, keep ? lines.toArray() : undefined);
}

/**
 * Pairs two multiclass files. The classes of the pair are the candidate's, then the champion's not yet seen
 * (by canonical key); the champion's class indices are mapped onto them, its rows reordered to the candidate's,
 * and both models' probabilities laid out over all classes (0 for a class a file has no column for, which
 * log_loss clips to eps: a change below 1e-15 relative).
 */
export function alignMulticlass(c: MulticlassPredictions, h: MulticlassPredictions | undefined): PairedData & { idOrder: Uint32Array } {
  const order = sortedIdOrder(c.ids);
  checkUnique('candidate', c, order);
  const keys = [...c.classKeys];
  const texts = [...c.classTexts];
  const mapOf = (p: MulticlassPredictions): Uint32Array =>
    Uint32Array.from(p.classKeys, (key, code) => {
      const at = keys.indexOf(key);
      if (at >= 0) return at;
      keys.push(key);
      texts.push(p.classTexts[code]!);
      return keys.length - 1;
    });
  const hFirst = h ? mapOf(h) : undefined;
  const k = keys.length;
  // Class indices in code point order of the class keys, not in order of first appearance: the cells bootstrap
  // walks the classes by index, so first appearance would make intervals depend on the files' row order.
  const byKey = Array.from(keys.keys()).sort((a, b) => compareCodePoints(keys[a]!, keys[b]!));
  const rank = new Uint32Array(k);
  byKey.forEach((first, i) => (rank[first] = i));
  const classKeys = byKey.map((i) => keys[i]!);
  const classTexts = byKey.map((i) => texts[i]!);
  const cMap = Uint32Array.from(c.classKeys, (_, code) => rank[code]!);
  const hMap = hFirst?.map((first) => rank[first]!);
  const spread = (p: MulticlassPredictions, map: Uint32Array, rows: Uint32Array | null): Float64Array | undefined => {
    if (!p.proba) return undefined;
    const out = new Float64Array(p.n * k);
    const pk = p.probaClasses;
    for (let r = 0; r < p.n; r++) {
      const src = rows ? rows[r]! : r;
      for (let j = 0; j < pk; j++) out[r * k + map[j]!] = p.proba[src * pk + j]!;
    }
    return out;
  };
  let champion: PairedData['champion'];
  if (h && hMap) {
    const hOrder = sortedIdOrder(h.ids);
    checkUnique('champion', h, hOrder);
    const perm = matchRows(c, order, h, hOrder, {
      same: (i, j) => cMap[c.label[i]!] === hMap[h.label[j]!],
      show: (which, row) => quote(which === 'candidate' ? classTexts[cMap[c.label[row]!]!]! : classTexts[hMap[h.label[row]!]!]!)
    });
    const prediction = h.prediction ? Uint32Array.from(perm, (j) => hMap[h.prediction![j]!]!) : undefined;
    champion = { file: h.file, predictionClass: prediction, proba: spread(h, hMap, perm) };
  }
  return {
    n: c.n,
    label: new Uint8Array(c.n),
    classes: classTexts,
    labelClass: c.label.map((code) => cMap[code]!),
    candidate: { file: c.file, predictionClass: c.prediction?.map((code) => cMap[code]!), proba: spread(c, cMap, null) },
    champion,
    extra: c.extra,
    fingerprint: testSetFingerprintOf(c.ids, (i) => classKeys[cMap[c.label[i]!]!]!, order),
    idOrder: order
  };
}

/** Pairs two regression files: labels must be the same number for the same id. */
export function alignRegression(c: RegressionPredictions, h: RegressionPredictions | undefined): PairedData & { idOrder: Uint32Array } {
  const order = sortedIdOrder(c.ids);
  checkUnique('candidate', c, order);
  let champion: PairedData['champion'];
  if (h) {
    const hOrder = sortedIdOrder(h.ids);
    checkUnique('champion', h, hOrder);
    const perm = matchRows(c, order, h, hOrder, {
      same: (i, j) => c.target[i] === h.target[j],
      show: (which, row) => String(which === 'candidate' ? c.target[row] : h.target[row])
    });
    champion = { file: h.file, value: h.value && permute(h.value, perm, new Float64Array(perm.length)) };
  }
  return {
    n: c.n,
    label: new Uint8Array(c.n),
    target: c.target,
    candidate: { file: c.file, value: c.value },
    champion,
    extra: c.extra,
    fingerprint: testSetFingerprintOf(c.ids, (i) => String(c.target[i]), order),
    idOrder: order
  };
}
