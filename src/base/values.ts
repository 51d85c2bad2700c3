/**
 * How cell text becomes numbers and class labels (docs/config.md `positive_label`, docs/predictions.md "Predictions files").
 */
import { detach } from './text.js';

/** Plain decimal numbers only: no hex, no `Infinity`/`NaN` words, no empty text (all of which Number() takes). */
const STRICT_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Exact powers of ten: every 10^k with k ≤ 22 is a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** The number written in `text`, or NaN when it is not a plain decimal number (±Infinity if it overflows). */
export function parseStrictNumber(text: string): number {
  // Fast path, exact: [+-]digits[.digits] with at most 15 significant digits and at most 22 after the point is
  // m / 10^k with m < 2^53 and 10^k both doubles, and one IEEE division rounds it correctly, as parseFloat
  // does (Clinger's fast path). Anything else (exponents, spaces, more digits, non-numbers) takes the slow path.
  const n = text.length;
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  const negative = c === 45;
  if (negative || c === 43) i = 1;
  let mantissa = 0;
  let significant = 0;
  let fraction = -1;
  let digits = 0;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) significant++;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else break;
  }
  if (i === n && digits > 0 && significant <= 15 && fraction <= 22) {
    const v = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
    return negative ? -v : v;
  }
  // Once the whole text is known to be one decimal literal, parseFloat reads exactly it, faster than Number().
  return STRICT_NUMBER.test(text) ? parseFloat(text) : NaN;
}

/**
 * The key two label values are compared by: trimmed; a finite number → its shortest form (`1`, `1.0`, ` 1`
 * are equal); true/false in any case → lower case; else the text itself. Empty text gives ''.
 */
export function canonicalKey(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const v = parseStrictNumber(t);
  if (Number.isFinite(v)) return String(v);
  const lower = t.toLowerCase();
  return lower === 'true' || lower === 'false' ? lower : t;
}

/**
 * Gives each distinct canonical value of a column a small code (0, 1, … in order of first appearance).
 * Raw texts are cached, so the per-row cost is one Map lookup; `onNew` runs once per new key and may throw
 * (an empty label, too many classes).
 */
export class ValueCoder {
  readonly keys: string[] = [];
  /** The first text seen for each key (trimmed), for messages. */
  readonly texts: string[] = [];
  /** The line where each key first appears. */
  readonly firstLines: number[] = [];
  private readonly cache = new Map<string, number>();

  constructor(private readonly onNew: (key: string, code: number, line: number) => void = () => {}) {}

  code(text: string, line: number): number {
    const hit = this.cache.get(text);
    if (hit !== undefined) return hit;
    const key = canonicalKey(text);
    let code = this.keys.indexOf(key);
    if (code < 0) {
      code = this.keys.length;
      this.onNew(key, code, line);
      this.keys.push(key);
      this.texts.push(text.trim());
      this.firstLines.push(line);
    }
    // Bounded, so a column of ever-new spellings ("1.0", "1.00", …) cannot grow the cache without end.
    if (this.cache.size < 4096) this.cache.set(detach(text), code);
    return code;
  }
}
