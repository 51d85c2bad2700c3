/**
 * Append-only typed-array buffers: the readers keep one number per row (line, label, score) without
 * boxing it in a JS array, so memory stays at a few bytes per row on 10M-row files.
 *
 * Values go into fixed-size chunks rather than one buffer doubled on demand: doubling holds the old and the
 * new buffer at once and leaves up to half of the last one unused, which at 10M rows is hundreds of MiB of
 * peak memory across a file's columns. toArray copies the chunks once into an array of the exact length.
 */
type NumericArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

const CHUNK = 1 << 16;

export class Growable<T extends NumericArray> {
  private readonly full: T[] = [];
  private current: T;
  private used = 0;
  /** Set by reserve() while its one array still has room: then toArray need not copy. */
  private reserved = false;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.current = make(CHUNK);
  }

  push(value: number): void {
    if (this.used === this.current.length) {
      this.full.push(this.current);
      this.current = this.make(CHUNK);
      this.used = 0;
      this.reserved = false;
    }
    this.current[this.used++] = value;
    this.length++;
  }

  /**
   * Makes room for `total` values in one array, when a reader can estimate its rows (from the file's size): the
   * values then need no copy at the end, and the chunks no second home (at 10M rows, 140 MiB of garbage per
   * file). Only an estimate: more values than that still fit, in chunks after it.
   */
  reserve(total: number): void {
    if (this.full.length > 0 || total <= this.current.length) return;
    const one = this.make(total);
    one.set(this.current.subarray(0, this.used));
    this.current = one;
    this.reserved = true;
  }

  /** The values pushed so far, in an array of exactly that length (a view of the reserved one if it is nearly full). */
  toArray(): T {
    // Up to 1/8 left unused is cheaper than a copy (the copy holds every value twice until the next full GC).
    if (this.reserved && this.current.length - this.used <= this.current.length >> 3) return this.current.subarray(0, this.used) as T;
    const out = this.make(this.length);
    let at = 0;
    for (const chunk of this.full) {
      out.set(chunk, at);
      at += chunk.length;
    }
    out.set(this.current.subarray(0, this.used), at);
    return out;
  }
}

export const growUint8 = (): Growable<Uint8Array> => new Growable((n) => new Uint8Array(n));
export const growUint32 = (): Growable<Uint32Array> => new Growable((n) => new Uint32Array(n));
export const growFloat64 = (): Growable<Float64Array> => new Growable((n) => new Float64Array(n));
