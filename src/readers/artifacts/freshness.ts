/** The freshness check's shell: one streaming pass over the current table's timestamp column. */
import { GateError } from '../../base/errors.js';
import { scanTable } from '../table.js';
import { quote } from '../../base/text.js';
import { isMissing } from './profile.js';
import { parseTimestamp } from '../../base/timestamps.js';

export interface FreshnessFacts {
  file: string;
  column: string;
  /** Non-missing timestamps read. */
  count: number;
  /** The newest one, in epoch milliseconds, and its line; null when the column holds none. */
  newest: { ms: number; text: string; line: number } | null;
}

export async function readFreshness(file: string, shown: string, column: string): Promise<FreshnessFacts> {
  let count = 0;
  let newest: FreshnessFacts['newest'] = null;
  await scanTable(file, {
    displayPath: shown,
    select: () => [{ name: column, configKey: 'gates.data.freshness.column' }],
    onRow(values, line) {
      const text = values[0];
      if (isMissing(text)) return; // missing values are missingness_max's business
      const t = parseTimestamp(text);
      if ('error' in t) {
        throw new GateError(
          `${shown}:${line}: ${column} ${quote(text.trim())} ${t.error}; write ISO 8601 (2026-11-30T10:00:00Z) or epoch seconds.`,
          { file: shown, line, key: column }
        );
      }
      count++;
      if (!newest || t.ms > newest.ms) newest = { ms: t.ms, text: text.trim().slice(0, 40), line };
    }
  });
  return { file: shown, column, count, newest };
}
