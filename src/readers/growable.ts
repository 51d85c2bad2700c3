/**
 * Append-only typed-array buffers: the readers keep one number per row (line, label, score) without
 * boxing it in a JS array, so memory stays at a few bytes per row on 10M-row files.
 */
type NumericArray = Uint8Array | Uint32Array | Float64Array;

export class Growable<T extends NumericArray> {
  private buf: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    initialCapacity = 1024
  ) {
    this.buf = make(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[this.length++] = value;
  }

  /** The values pushed so far, in an array of exactly that length. */
  toArray(): T {
    return this.buf.slice(0, this.length) as T;
  }

  private grow(): void {
    const next = this.make(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}

export const growUint8 = (): Growable<Uint8Array> => new Growable((n) => new Uint8Array(n));
export const growUint32 = (): Growable<Uint32Array> => new Growable((n) => new Uint32Array(n));
export const growFloat64 = (): Growable<Float64Array> => new Growable((n) => new Float64Array(n));
