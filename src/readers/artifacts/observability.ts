/** The observability gate's shell: the rule files, and one streaming pass over the log sample. */
import type { ObservabilityGate } from '../../config/types.js';
import { readTextFile } from '../files/text-file.js';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { GateError } from '../../base/errors.js';
import { parseRuleFile, type RuleFileFacts } from './alert-rules.js';

export interface LogCoverage {
  file: string;
  field: string;
  records: number;
  traced: number;
}

export interface ObservabilityFacts {
  rules: RuleFileFacts[];
  logs?: LogCoverage;
}

/** Rule files are small; a few MiB of YAML is already far beyond any real one. */
const MAX_RULE_FILE_BYTES = 4 * 1024 * 1024;

export async function readObservability(
  gate: ObservabilityGate,
  resolve: (p: string, key: string) => Promise<string>
): Promise<ObservabilityFacts> {
  const rules = [];
  for (const shown of gate.alert_rules) {
    const text = await readTextFile(await resolve(shown, 'gates.observability.alert_rules'), shown, 'a Prometheus rule file', MAX_RULE_FILE_BYTES);
    rules.push(parseRuleFile(text, shown));
  }
  const facts: ObservabilityFacts = { rules };
  if (gate.logs) facts.logs = await readLogCoverage(await resolve(gate.logs.path, 'gates.observability.logs.path'), gate.logs.path, gate.logs.trace_field);
  return facts;
}

/** A log line longer than this is not a log record. */
const MAX_LOG_LINE = 1024 * 1024;

/**
 * Records and records with a non-empty trace id (not null, not ""), one JSON object per line (.gz allowed).
 * A record without the field counts as untraced; a line that is not a JSON object is an error naming it.
 */
async function readLogCoverage(file: string, shown: string, field: string): Promise<LogCoverage> {
  let records = 0;
  let traced = 0;
  let line = 0;
  const input = createReadStream(file);
  const stream = /\.gz$/i.test(shown) ? input.pipe(createGunzip()) : input;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      line++;
      if (raw.length > MAX_LOG_LINE) {
        throw new GateError(`${shown}:${line}: a line of ${raw.length} characters is not a log record; keep one JSON object per line.`, { file: shown, line });
      }
      const text = raw.trim();
      if (text === '') continue;
      let v: unknown;
      try {
        v = JSON.parse(line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch {
        throw new GateError(`${shown}:${line}: not valid JSON; a log sample holds one JSON object per line.`, { file: shown, line });
      }
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        throw new GateError(`${shown}:${line}: not a JSON object; a log sample holds one JSON object per line.`, { file: shown, line });
      }
      records++;
      const t = Object.prototype.hasOwnProperty.call(v, field) ? (v as Record<string, unknown>)[field] : undefined;
      if (t !== undefined && t !== null && String(t).trim() !== '') traced++;
    }
  } catch (e) {
    if (e instanceof GateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GateError(`${shown} does not exist; check gates.observability.logs.path (it is relative to the workspace).`, { file: shown });
    throw new GateError(`${shown} cannot be read (${code ?? (e instanceof Error ? e.message : String(e))}); check that it is JSON Lines, gzipped only when named .gz.`, { file: shown });
  } finally {
    input.destroy();
  }
  return { file: shown, field, records, traced };
}
