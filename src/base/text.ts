/** Small text helpers shared by the readers: detaching kept values, and quoting values in messages. */

/**
 * A flat copy of `s`, for values kept per row. V8 represents a slice of 13+ characters as a view into its
 * parent, so kept ids would otherwise pin every 1 MiB chunk of the file, and comparing such views (sorting
 * ids for the fingerprint) is about 3x slower. join() of two parts builds one new flat string; shorter
 * slices are copies already.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join('');
}

/**
 * Keeps one copy of each distinct value of a low-cardinality column (segments, groups): 10M rows of
 * "mobile" then cost one string, not 10M (about 300 MiB less on the 10M-row benchmark). Past `limit`
 * distinct values the column is not low-cardinality, and values are only detached.
 */
export class Interner {
  private readonly seen = new Map<string, string>();
  constructor(private readonly limit = 1 << 16) {}

  keep(s: string): string {
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    const flat = detach(s);
    if (this.seen.size < this.limit) this.seen.set(flat, flat);
    return flat;
  }
}

/** A value from a file as shown in a message: quoted, control characters escaped, long ones shortened. */
export function quote(value: string, max = 40): string {
  const short = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return JSON.stringify(short);
}

/** An id in a list of examples: bare when it is plain (`17`, `user-3`), else quoted. */
export function formatId(id: string): string {
  return /^[\w.:@/+-]{1,40}$/.test(id) ? id : quote(id);
}

/** A value parsed from a JSON file, as shown in a message: its JSON text, shortened past `max` characters. */
export function quoteJson(value: unknown, max = 40): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
