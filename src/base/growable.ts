/**
 * Append-only typed-array buffers: the readers keep one number per row (line, label, score) without
 * boxing it in a JS array, so memory stays at a few bytes per row on 10M-row files.
 *
 * Values go into fixed-size chunks rather than one buffer doubled on demand: doubling holds the old and the
 * new buffer at once and leaves up to half of the last one unused, which at 10M rows is hundreds of MiB of
 * peak memory across a file's columns. toArray copies the chunks once into an array of the exact length.
 */
type NumericArray = Uint8Array | Uint32Array | Float64Array;

const CHUNK = 1 << 16;

export class Growable<T extends NumericArray> {
  private readonly full: T[] = [];
  private current: T;
  private used = 0;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.current = make(CHUNK);
  }

  push(value: number): void {
    if (this.used === CHUNK) {
      this.full.push(this.current);
      this.current = this.make(CHUNK);
      this.used = 0;
    }
    this.current[this.used++] = value;
    this.length++;
  }

  /** The values pushed so far, in an array of exactly that length. */
  toArray(): T {
    const out = this.make(this.length);
    this.full.forEach((chunk, k) => out.set(chunk, k * CHUNK));
    out.set(this.current.subarray(0, this.used), this.full.length * CHUNK);
    return out;
  }
}

export const growUint8 = (): Growable<Uint8Array> => new Growable((n) => new Uint8Array(n));
export const growUint32 = (): Growable<Uint32Array> => new Growable((n) => new Uint32Array(n));
export const growFloat64 = (): Growable<Float64Array> => new Growable((n) => new Float64Array(n));
