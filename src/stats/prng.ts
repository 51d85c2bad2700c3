/**
 * Seeded pseudo-random numbers for the bootstrap.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, 2018, "Scrambled linear pseudorandom number generators").
 * 128 bits of state, period 2^128 − 1, passes BigCrush and PractRand; every step is a 32-bit shift, rotate,
 * xor or `Math.imul`, so V8 keeps it in small integers and it costs a few nanoseconds a number. 2^128 is far
 * beyond what a gate needs (10^4 resamples × a few dozen uniforms × a few dozen checks).
 *
 * Seeding: the four state words are four successive outputs of splitmix32 (a Weyl sequence with step
 * 0x9e3779b9 passed through the MurmurHash3 32-bit finaliser). The finaliser is a bijection and the four
 * inputs differ, so at most one word is zero and the forbidden all-zero state cannot occur; nearby seeds
 * (42, 43) give unrelated states.
 *
 * Why not Math.random: reports must be byte-identical for the same inputs and config (docs/config.md, Determinism).
 */

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { imul, floor } = Math;
const { isSafeInteger } = Number;

const GOLDEN = 0x9e3779b9;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** MurmurHash3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
function fmix32(x: number): number {
  x ^= x >>> 16;
  x = imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The seed as a uint32. Seeds are integers (config `ci.seed`); the high word of a seed ≥ 2^32 (or a negative
 * one) is folded in through the finaliser, so 42 and 2^32 + 42 do not collide.
 */
function seedToUint32(seed: number): number {
  if (!isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0;
  const hi = floor(seed / TWO_POW_32) >>> 0;
  return hi === 0 ? lo : (lo ^ fmix32((hi + GOLDEN) >>> 0)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A xoshiro128** stream. Not cryptographic; deterministic for a given seed. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = seedToUint32(seed);
    x = (x + GOLDEN) >>> 0;
    this.s0 = fmix32(x);
    x = (x + GOLDEN) >>> 0;
    this.s1 = fmix32(x);
    x = (x + GOLDEN) >>> 0;
    this.s2 = fmix32(x);
    x = (x + GOLDEN) >>> 0;
    this.s3 = fmix32(x);
  }

  /**
   * A generator with the given raw state (four uint32 words, not all zero). For checking against the
   * reference implementation's published outputs; use the constructor otherwise.
   */
  static fromState(state: ArrayLike<number>): Rng {
    if (state.length !== 4) throw new RangeError('xoshiro128** state is four uint32 words');
    const r = new Rng(0);
    r.s0 = state[0]! >>> 0;
    r.s1 = state[1]! >>> 0;
    r.s2 = state[2]! >>> 0;
    r.s3 = state[3]! >>> 0;
    if ((r.s0 | r.s1 | r.s2 | r.s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    return r;
  }

  /** The next 32 random bits as an integer in [0, 2^32). */
  nextUint32(): number {
    const s1 = this.s1;
    const result = imul(rotl(imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /**
   * A double uniform on [0, 1) with all 53 mantissa bits random (27 + 26 bits from two draws): one 32-bit
   * draw would leave every value a multiple of 2^-32, too coarse for the inversion tails of binomial().
   */
  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / TWO_POW_53;
  }
}

/** FNV-1a (32-bit) of the label's UTF-8 bytes: simple, stable across platforms and languages. */
function fnv1a(label: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(label)) {
    h ^= byte;
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A uint32 seed for one check's own stream, from the user's seed and a label naming the check
 * (e.g. `performance/f1` or `segments/mobile/recall`). Each check draws from its own stream, so adding,
 * removing or reordering checks never changes another check's interval. The label hash and the seed are
 * mixed through two finaliser rounds so that related labels and adjacent seeds give unrelated streams.
 */
export function deriveSeed(seed: number, label: string): number {
  const s = fmix32((seedToUint32(seed) + GOLDEN) >>> 0);
  return fmix32(((s ^ fnv1a(label)) + GOLDEN) >>> 0);
}
