/** Temp files for reader tests (gzip written on the fly, so no binary fixtures are committed). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ColumnNames } from '../../src/config/types.js';
import { DEFAULT_COLUMNS } from '../../src/config/types.js';
import { GateError } from '../../src/base/errors.js';
import type { ReadPredictionsOptions } from '../../src/readers/predictions.js';

export const FIXTURES = join(process.cwd(), '__tests__', 'readers', 'fixtures');

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'model-gate-readers-'));

  /** Writes `content` (gzipped when the name ends in .gz) and returns the absolute path. */
  file(name: string, content: string | Buffer): string {
    const p = join(this.path, name);
    mkdirSync(join(p, '..'), { recursive: true });
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    writeFileSync(p, name.toLowerCase().endsWith('.gz') ? gzipSync(bytes) : bytes);
    return p;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export type OptionOverrides = Omit<Partial<ReadPredictionsOptions>, 'columns'> & { columns?: Partial<ColumnNames> };

/** Binary predictions options with the config defaults (docs/config.md), overridden by `over`. */
export function options(over: OptionOverrides = {}): ReadPredictionsOptions {
  const columns: ColumnNames = { ...DEFAULT_COLUMNS, ...(over.columns ?? {}) };
  return {
    displayPath: 'preds.csv',
    threshold: 0.5,
    positiveLabel: '1',
    score: 'finite',
    needPrediction: true,
    ...over,
    columns
  };
}

/** The GateError `fn` rejects or throws with; anything else (or success) fails the test. */
export async function gateError(fn: () => unknown): Promise<GateError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof GateError) return e;
    throw new Error(`expected a GateError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a GateError, but it succeeded');
}
