/**
 * Which parser a table file needs, decided by its extension alone (docs/predictions.md): sniffing content would make a
 * mistyped path "work" differently on different machines.
 */
import { extname } from 'node:path';
import { GateError } from '../base/errors.js';

export type TableFormat = 'csv' | 'tsv' | 'jsonl';

export interface FileFormat {
  format: TableFormat;
  gzip: boolean;
}

const BY_EXTENSION: Record<string, TableFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl'
};

export const ACCEPTED_EXTENSIONS = '.csv, .tsv, .jsonl or .ndjson, each optionally followed by .gz';

/** Format of `path` (case-insensitive extension, optional `.gz`); `displayPath` is what messages name. */
export function detectFormat(path: string, displayPath: string): FileFormat {
  let name = path.toLowerCase();
  const gzip = name.endsWith('.gz');
  if (gzip) name = name.slice(0, -3);
  const ext = extname(name);
  const format = Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
  if (format === undefined) {
    throw new GateError(
      `${displayPath} has an unsupported file extension; use ${ACCEPTED_EXTENSIONS}.`,
      { file: displayPath }
    );
  }
  return { format, gzip };
}
