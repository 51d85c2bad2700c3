/**
 * The config loader: YAML text → schema check → semantic checks → typed GateConfig with defaults.
 * Every user mistake is a GateError whose message starts `file:line:column:` and names the key path; when
 * there are several, the first in the file comes first and the others are listed on the following lines.
 */
import { readFile, stat } from 'node:fs/promises';
import { GateError } from '../errors.js';
import { throwProblems } from './problems.js';
import { type RawConfig, buildConfig, semanticProblems } from './semantics.js';
import { MAX_CONFIG_BYTES, readYaml, tooBigText } from './source.js';
import type { GateConfig } from './types.js';
import { schemaProblems } from './validate.js';

/**
 * Parse and validate a config. Pure: `source` is only the path shown in messages.
 * @throws GateError for anything wrong with the config.
 */
export function parseConfig(text: string, source: string): GateConfig {
  const doc = readYaml(text, source);
  const schema = schemaProblems(doc.value);
  if (schema.length > 0) throwProblems(doc, schema);
  const raw = doc.value as RawConfig;
  const semantic = semanticProblems(raw);
  if (semantic.length > 0) throwProblems(doc, semantic);
  return buildConfig(raw, source);
}

/**
 * Read the config file at `path` and parse it; `displayPath` is how messages name it (relative to the
 * workspace). A missing or unreadable file is a GateError that names it and the `config` input.
 */
export async function loadConfig(path: string, displayPath: string): Promise<GateConfig> {
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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new GateError(`${displayPath}: cannot read the config file (${code ?? String(e)}); check its permissions`, where);
  }
  return parseConfig(text, displayPath);
}
