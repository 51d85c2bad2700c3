/**
 * A PSI threshold set from the sample sizes (`gates.data.drift_psi_quantile`).
 *
 * PSI is the symmetrised Kullback–Leibler divergence (Jeffreys' J) of the two binned distributions. When both
 * tables are samples of one distribution, with n reference and m current values over B bins, a second-order
 * expansion gives J ≈ Σ (cur_b − ref_b)² / p_b, and (cur_b − ref_b) has variance p_b(1 − p_b)(1/n + 1/m), so
 *
 *   PSI ≈ (1/n + 1/m) · χ²(B − 1)        (Yurdakul 2018, "Statistical properties of the population stability index")
 *
 * The threshold is the q-quantile of that distribution: a column without drift exceeds it with probability
 * about 1 − q. A fixed 0.2 is far too loose for large tables (n = m = 100,000, 10 bins: the 99 % point is
 * 0.00044) and can be too strict for small ones (n = m = 50: 0.87). Binning at the reference's deciles does not
 * change the approximation: the bins' true shares then vary like the reference's, which is the 1/n term.
 * The generator of the golden fixtures checks the false-alarm rate by simulation.
 */
import jStat from 'jstat';

// jstat ships no types for its chi-square distribution; src/types/jstat.d.ts declares only what the stats use.
const { chisquare } = jStat as unknown as { chisquare: { inv(p: number, dof: number): number } };

/** (1/n + 1/m)·χ²_q(bins − 1); 0 for a single bin (no drift can show). Throws on bad arguments. */
export function psiNoDriftQuantile(n: number, m: number, bins: number, q: number): number {
  if (!(n > 0 && m > 0)) throw new RangeError(`psiNoDriftQuantile: sample sizes must be positive, got ${n} and ${m}`);
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`psiNoDriftQuantile: bins must be ≥ 1, got ${bins}`);
  if (!(q > 0 && q < 1)) throw new RangeError(`psiNoDriftQuantile: q must be in (0, 1), got ${q}`);
  if (bins === 1) return 0;
  return (1 / n + 1 / m) * chisquare.inv(q, bins - 1);
}
