/**
 * The part of jstat (a CommonJS/UMD package without types) that model-gate uses.
 * The package sets `module.exports = jStat`, so it is declared with `export =` and imported as a default
 * import (esModuleInterop), which is what Node's ESM loader, Jest's ESM mode and ncc all hand back.
 */
declare module 'jstat' {
  interface NormalDistribution {
    /** Cumulative distribution function of N(mean, std²) at x. */
    cdf(x: number, mean: number, std: number): number;
    /** Inverse of the CDF (quantile function) of N(mean, std²) at probability p. */
    inv(p: number, mean: number, std: number): number;
  }
  interface BetaDistribution {
    /** Inverse of the CDF of Beta(a, b) at probability p. */
    inv(p: number, a: number, b: number): number;
  }
  interface StudentTDistribution {
    /** Quantile function of Student's t with `dof` degrees of freedom at probability p. */
    inv(p: number, dof: number): number;
    /** Density of Student's t with `dof` degrees of freedom at x. */
    pdf(x: number, dof: number): number;
  }
  interface JStat {
    normal: NormalDistribution;
    beta: BetaDistribution;
    studentt: StudentTDistribution;
    /** The regularised incomplete beta function I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
  }
  const jStat: JStat;
  export = jStat;
}
