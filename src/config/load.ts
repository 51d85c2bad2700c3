/**
 * The config loader: YAML text → schema check → semantic checks → typed GateConfig with defaults.
 * Every user mistake is a GateError whose message starts `file:line:column:` and names the key path; when
 * there are several, the first in the file comes first and the others are listed on the following lines.
 */
import { readFile, stat } from 'node:fs/promises';
import { GateError } from '../base/errors.js';
import { marginWarnings } from './plausibility.js';
import { buildCanary, canaryProblems } from './canary-semantics.js';
import { throwProblems } from './problems.js';
import { type RawConfig, buildConfig, semanticProblems } from './semantics.js';
import { MAX_CONFIG_BYTES, readYaml, tooBigText } from './source.js';
import type { GateConfig } from './types.js';
import { schemaProblems } from './validate.js';

/**
 * Parse and validate a config. Pure: `source` is only the path shown in messages.
 * @throws GateError for anything wrong with the config.
 */
export function parseConfig(text: string, source: string, stage: ConfigStage = 'offline'): GateConfig {
  const doc = readYaml(text, source);
  const schema = schemaProblems(doc.value, stage);
  if (schema.length > 0) throwProblems(doc, schema);
  const raw = doc.value as RawConfig;
  // The canary stage evaluates only `canary`; the offline gates are checked there only when they are present.
  const offline = stage === 'offline' || (raw.gates !== undefined && raw.task !== undefined);
  const semantic = [...(offline ? semanticProblems(raw) : []), ...(raw.canary ? canaryProblems(raw.canary) : [])];
  if (semantic.length > 0) throwProblems(doc, semantic);
  const config = buildConfig(offline ? raw : { ...raw, task: raw.task ?? 'binary', gates: {} }, source);
  if (raw.canary) config.canary = buildCanary(raw.canary);
  const warnings = marginWarnings(doc);
  if (warnings.length > 0) config.warnings = warnings;
  return config;
}

/** Which stage reads the config: `offline` needs gates, `canary` needs the canary section. */
export type ConfigStage = 'offline' | 'canary';

/**
 * Read the config file at `path` and parse it; `displayPath` is how messages name it (relative to the
 * workspace). A missing or unreadable file is a GateError that names it and the `config` input.
 */
export async function loadConfig(path: string, displayPath: string, stage: ConfigStage = 'offline'): Promise<GateConfig> {
  const where = { file: displayPath };
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      throw new GateError(
        `${displayPath}: the config path is a directory; set the \`config\` input to the gate config file in it`,
        where
      );
    }
    size = st.size;
  } catch (e) {
    if (e instanceof GateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new GateError(
        `${displayPath}: config file not found; create it, or set the \`config\` input to your gate config's path`,
        where
      );
    }
    throw new GateError(`${displayPath}: cannot read the config file (${code ?? String(e)}); check its permissions`, where);
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new GateError(
      `${displayPath}: ${tooBigText(size)}; check that the \`config\` input points at the gate config`,
      where
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new GateError(`${displayPath}: cannot read the config file (${code ?? String(e)}); check its permissions`, where);
  }
  return parseConfig(decodeUtf8(bytes, displayPath), displayPath, stage);
}

/** The config's text; UTF-16 (an editor's "Unicode") or bytes that are not UTF-8 are errors that say so. */
function decodeUtf8(bytes: Buffer, displayPath: string): string {
  const where = { file: displayPath };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new GateError(`${displayPath}: the config is UTF-16 text; save it as UTF-8`, where);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return bytes.toString('utf8');
  const before = bytes.subarray(0, bad).toString('utf8');
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  throw new GateError(
    `${displayPath}:${line}:${column}: the config is not UTF-8 text (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}); save it as UTF-8`,
    { file: displayPath, line, column }
  );
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence and the range of its second byte (no overlongs, surrogates or > U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + n >= b.length) return i; // cut short by the end of the file
    if (!(b[i + 1]! >= lo && b[i + 1]! <= hi)) return i;
    for (let k = 2; k <= n; k++) if (!(b[i + k]! >= 0x80 && b[i + k]! <= 0xbf)) return i;
    i += n + 1;
  }
  return -1;
}
