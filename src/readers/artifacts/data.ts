/**
 * The data gate's shell: one streaming pass over a table (CSV, TSV or JSONL, optionally gzipped, through the
 * readers' scanTable) into column profiles. Only the columns the gate checks are profiled.
 */
import { scanTable } from '../table.js';
import { ColumnProfiler, type TableProfile } from './profile.js';

/**
 * Profiles the columns `pick(header)` chooses (names the table lacks are skipped: the checks report them).
 * `shown` is how messages name the file.
 */
export async function readTableProfile(
  file: string,
  shown: string,
  pick: (header: readonly string[]) => readonly string[]
): Promise<TableProfile> {
  let profilers: ColumnProfiler[] = [];
  let names: string[] = [];
  const { header, rows } = await scanTable(file, {
    displayPath: shown,
    select(h) {
      const wanted = new Set(pick(h));
      names = [...new Set(h)].filter((c) => c !== '' && wanted.has(c));
      profilers = names.map((n) => new ColumnProfiler(n));
      return names;
    },
    onRow(values, line) {
      for (let k = 0; k < profilers.length; k++) profilers[k].push(values[k], line);
    }
  });
  const columns = new Map(names.map((name, k) => [name, profilers[k].profile()]));
  return { file: shown, rows, header, columns };
}
