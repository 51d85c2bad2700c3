/**
 * Counting examples when rows may stand for many (counts input, PairedData.weight): the engine asks these
 * helpers rather than `data.n`, so a counts file and the rows it summarises give the same report.
 */
import type { PairedData } from '../readers/paired-data.js';

/** The number of examples: Σ weight, or the number of rows. */
export function exampleCount(data: PairedData): number {
  const w = data.weight;
  if (!w) return data.n;
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]!;
  return s;
}

/** The number of examples among `rows` (indices into data). */
export function examplesIn(data: PairedData, rows: ArrayLike<number>): number {
  const w = data.weight;
  if (!w) return rows.length;
  let s = 0;
  for (let j = 0; j < rows.length; j++) s += w[rows[j]!]!;
  return s;
}

/** The number of positive examples. */
export function positiveCount(data: PairedData): number {
  const { label, weight } = data;
  let k = 0;
  if (weight) for (let i = 0; i < label.length; i++) k += label[i]! * weight[i]!;
  else for (let i = 0; i < label.length; i++) k += label[i]!;
  return k;
}
