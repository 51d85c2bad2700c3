/**
 * "Did you mean …?" hints for config keys and values.
 *
 * The distance is the optimal-string-alignment form of Damerau–Levenshtein: the fewest single-character
 * insertions, deletions, substitutions and transpositions of two adjacent characters that turn one string into
 * the other, where no substring is edited twice (so `ca` → `abc` is 3, not 2). That is the right notion for
 * typing mistakes (`primary_metrc`, `relaitve_drop_allowed`) and is O(|a|·|b|) with three rows of memory.
 */

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Work on code points so a non-BMP character counts as one edit, not two.
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev2: number[] = new Array<number>(t.length + 1).fill(0); // row i-2
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j); // row i-1
  let cur: number[] = new Array<number>(t.length + 1).fill(0); // row i
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[t.length]!;
}

/** Case, `-` and spaces do not count as typing mistakes worth an edit: `Primary-Metric` ~ `primary_metric`. */
function normalize(x: string): string {
  return x.toLowerCase().replace(/[-\s]/g, '_');
}

/**
 * The candidate the user most likely meant by `input`, or undefined when nothing is close enough.
 *
 * - A candidate equal to `input` up to case, `-`/space vs `_` wins outright.
 * - Otherwise the candidate with the smallest edit distance wins if that distance is at most
 *   max(1, ⌊len/3⌋) of the normalised input (one slip in a short word, more in a long key); ties go to the
 *   earlier candidate, so hints are deterministic.
 * - Failing that, a unique candidate that starts with an input of at least 4 characters
 *   (`relative_drop` → `relative_drop_allowed`).
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const want = normalize(input);
  if (want.length === 0) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(want, normalize(c));
    if (d === 0) return c;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(Array.from(want).length / 3));
  if (best !== undefined && bestDistance <= limit) return best;
  if (want.length >= 4) {
    const prefixed = candidates.filter((c) => normalize(c).startsWith(want));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

/** `; did you mean "x"?` for the closest candidate, or '' when there is none (ready to append to a message). */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const m = closestMatch(input, candidates);
  return m === undefined ? '' : `; did you mean "${m}"?`;
}
