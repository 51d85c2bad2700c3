/**
 * Multiwindow burn-rate alerts (SRE Workbook, "Alerting on SLOs"): an SLO with objective o has the window pair
 * (factor F, long L, short S) when one of its alerts' expr uses both range windows `[L]` and `[S]` and compares
 * with the threshold F × (1 − o). Pure, and deliberately shallow: PromQL is not parsed, only its range
 * windows and its constant numbers are read. A threshold may be a literal (`> 0.0144`) or constant arithmetic
 * (`> (14.4 * (1 - 0.999))`, `> 14.4 * 0.001`); every maximal run of numbers, operators and parentheses is
 * evaluated, and values are compared with a relative tolerance of 1e-4 (rounded thresholds still count).
 */
import { parseDuration } from '../../config/duration.js';

/** The range windows of an expr (`[5m]`, the range of a subquery `[1h:1m]`), in milliseconds. */
export function rangeWindows(expr: string): number[] {
  const out: number[] = [];
  for (const m of expr.matchAll(/\[\s*([0-9a-z]+)\s*(?::[^\]]*)?\]/gi)) {
    const ms = parseDuration(m[1]);
    if (ms !== null) out.push(ms);
  }
  return out;
}

type Token = { t: 'num'; v: number } | { t: 'op'; v: string } | { t: 'other' };

function tokens(expr: string): Token[] {
  // Strings, label matchers and ranges hold no thresholds (and their digits would look like numbers).
  const bare = expr
    .replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`/g, ' _ ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\boffset\s+[0-9a-z]+/gi, ' _ ');
  const out: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)(?![\w.])|([-+*/()])|([A-Za-z_:][\w:]*|[^\s]))/giy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < bare.length && (m = re.exec(bare)) !== null) {
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: 'op', v: m[2] });
    else out.push({ t: 'other' });
    if (m[0] === '') break;
  }
  return out;
}

/** Every constant number of an expr: its literals and the value of each run of constant arithmetic. */
export function constants(expr: string): number[] {
  const ts = tokens(expr);
  const values = ts.filter((t): t is { t: 'num'; v: number } => t.t === 'num').map((t) => t.v);
  let i = 0;
  while (i < ts.length) {
    if (ts[i].t === 'other') {
      i++;
      continue;
    }
    let j = i;
    while (j < ts.length && ts[j].t !== 'other') j++;
    const run = ts.slice(i, j) as Exclude<Token, { t: 'other' }>[];
    // Parentheses of calls around non-constant terms and dangling operators are trimmed off the run.
    const v = evaluate(trim(run));
    if (v !== null) values.push(v);
    i = j;
  }
  return values.filter((v) => Number.isFinite(v));
}

type Tok = Exclude<Token, { t: 'other' }>;

function trim(run: Tok[]): Tok[] {
  let r = [...run];
  const count = (v: string) => r.filter((t) => t.v === v).length;
  for (let before = -1; before !== r.length; ) {
    before = r.length;
    // Leading ')' or binary operators and trailing '(' or operators cannot belong to the constant.
    if (r.length && r[0].t === 'op' && r[0].v !== '(' && r[0].v !== '-') r = r.slice(1);
    if (r.length && r[r.length - 1].t === 'op' && r[r.length - 1].v !== ')') r = r.slice(0, -1);
    // An unmatched '(' at the start opened a call or a group around non-constant terms; same for ')' at the end.
    if (r.length && r[0].v === '(' && count('(') > count(')')) r = r.slice(1);
    if (r.length && r[r.length - 1].v === ')' && count(')') > count('(')) r = r.slice(0, -1);
  }
  return r;
}

/** Value of constant arithmetic (+ − × ÷, parentheses, unary minus), or null when `run` is not one expression. */
function evaluate(run: Tok[]): number | null {
  let k = 0;
  const peek = () => run[k];
  const expr = (): number | null => {
    let v = term();
    while (v !== null && peek() && (peek().v === '+' || peek().v === '-')) {
      const op = run[k++].v;
      const w = term();
      if (w === null) return null;
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  const term = (): number | null => {
    let v = unary();
    while (v !== null && peek() && (peek().v === '*' || peek().v === '/')) {
      const op = run[k++].v;
      const w = unary();
      if (w === null) return null;
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const unary = (): number | null => {
    const t = peek();
    if (!t) return null;
    if (t.v === '-') {
      k++;
      const v = unary();
      return v === null ? null : -v;
    }
    if (t.t === 'num') {
      k++;
      return t.v;
    }
    if (t.v === '(') {
      k++;
      const v = expr();
      if (v === null || !peek() || peek().v !== ')') return null;
      k++;
      return v;
    }
    return null;
  };
  if (run.length === 0) return null;
  const v = expr();
  return v !== null && k === run.length ? v : null;
}

/** a ≈ b within a relative tolerance of 1e-4. */
export function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-4 * Math.max(Math.abs(a), Math.abs(b)) + 1e-15;
}

/** Whether `expr` alerts on burn rate `factor` of an SLO with `objective` over both windows. */
export function hasWindowPair(expr: string, factor: number, objective: number, longMs: number, shortMs: number): boolean {
  const windows = rangeWindows(expr);
  if (!windows.includes(longMs) || !windows.includes(shortMs)) return false;
  const threshold = factor * (1 - objective);
  return constants(expr).some((c) => near(c, threshold));
}
