/**
 * Random variates for the simulation studies (coverage, clusters, plan): seeded uniforms, normals and Student t
 * from the engine's own xoshiro128** stream, so every simulated test set is reproducible from its seed.
 */
import type { Rng } from '../../src/stats/prng.js';

const { exp, log, sqrt, cos, sin, PI } = Math;

export class Gen {
  private spare: number | null = null;
  constructor(readonly rng: Rng) {}
  uniform(): number {
    return this.rng.nextFloat();
  }
  /** Box–Muller: two normals from two uniforms, the second kept for the next call. */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = this.rng.nextFloat();
    while (u === 0) u = this.rng.nextFloat();
    const v = this.rng.nextFloat();
    const r = sqrt(-2 * log(u));
    this.spare = r * sin(2 * PI * v);
    return r * cos(2 * PI * v);
  }
  /** Student t with ν degrees of freedom: N / √(χ²_ν/ν), χ² as a sum of squared normals (ν small). */
  studentT(nu: number): number {
    let chi = 0;
    for (let k = 0; k < nu; k++) {
      const z = this.normal();
      chi += z * z;
    }
    return this.normal() / sqrt(chi / nu);
  }
}

export const sigmoid = (z: number): number => 1 / (1 + exp(-z));
