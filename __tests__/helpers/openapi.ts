/**
 * GitHub's published REST description (@octokit/openapi, api.github.com.json) for the emulator: `shaped` builds
 * a response object the way GitHub sends it (every required field present, with the test's values laid over a
 * minimal valid skeleton, and no field GitHub does not describe), and `validateResponse` checks what the
 * emulator actually answered against the operation's response schema with ajv. So a test cannot pass on a field
 * GitHub never sends, and the fields it does send (`event`, `head_repository`, `expired`, …) are there.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Schema = Record<string, unknown>;
interface Spec {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

let spec: Spec | undefined;
function load(): Spec {
  if (!spec) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  }
  return spec;
}

function deref(schema: Schema): Schema {
  let s = schema;
  while (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '');
    const next = load().components.schemas[name];
    if (!next) throw new Error(`openapi: unknown $ref ${s.$ref}`);
    s = next;
  }
  return s;
}

const isPlain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The properties a schema describes (through allOf/anyOf/oneOf). */
function propertiesOf(schema: Schema): Record<string, Schema> {
  const s = deref(schema);
  const own = (s.properties ?? {}) as Record<string, Schema>;
  const parts = [...((s.allOf as Schema[]) ?? [])].map(propertiesOf);
  return Object.assign({}, ...parts, own);
}

function requiredOf(schema: Schema): string[] {
  const s = deref(schema);
  return [...((s.required as string[]) ?? []), ...((s.allOf as Schema[]) ?? []).flatMap(requiredOf)];
}

/** For anyOf/oneOf: the branch that describes most of the overlay's keys (the labeled event among issue events). */
function branchFor(schema: Schema, overlay: unknown): Schema {
  const s = deref(schema);
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (!branches) return s;
  if (!isPlain(overlay)) return deref(branches[0]);
  const keys = Object.keys(overlay);
  let best = branches[0];
  let score = -1;
  for (const b of branches) {
    const props = propertiesOf(b);
    const event = (props.event as Schema | undefined)?.enum;
    // Issue events of one kind share their keys; the `event` value picks the variant when the schema pins it.
    const pinned = Array.isArray(event) && typeof overlay.event === 'string' ? (event.includes(overlay.event) ? 1000 : -1000) : 0;
    const n = keys.filter((k) => k in props).length + pinned;
    if (n > score) [best, score] = [b, n];
  }
  return deref(best);
}

function scalar(s: Schema): unknown {
  if (s.nullable) return null;
  if (Array.isArray(s.enum)) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'string':
      if (s.format === 'date-time') return '2026-11-01T00:00:00Z';
      if (s.format === 'uri') return 'https://api.github.com/emulated';
      return 'emulated';
    default:
      return null;
  }
}

/**
 * A value of `schema` as GitHub would send it: the overlay's fields (checked to exist in the description) over
 * a minimal valid skeleton of every required field.
 */
export function shape(schema: Schema, overlay: unknown, where: string): unknown {
  const s = branchFor(schema, overlay);
  if (Array.isArray(overlay)) {
    const items = (s.items as Schema | undefined) ?? {};
    return overlay.map((v, i) => shape(items, v, `${where}[${i}]`));
  }
  const props = propertiesOf(s);
  const isObject = s.type === 'object' || Object.keys(props).length > 0 || s.allOf !== undefined;
  if (!isObject || !isPlain(overlay)) return overlay === undefined ? skeleton(s, where) : overlay;
  const out: Record<string, unknown> = {};
  for (const key of requiredOf(s)) out[key] = shape(props[key] ?? {}, undefined, `${where}.${key}`);
  for (const [key, value] of Object.entries(overlay)) {
    if (!(key in props) && s.additionalProperties === undefined) {
      throw new Error(`emulator: ${where} has no field "${key}" in GitHub's REST description`);
    }
    out[key] = value === null ? null : shape(props[key] ?? {}, value, `${where}.${key}`);
  }
  return out;
}

function skeleton(schema: Schema, where: string): unknown {
  const s = branchFor(schema, undefined);
  if (s.nullable) return null;
  const props = propertiesOf(s);
  if (s.type === 'object' || Object.keys(props).length > 0 || s.allOf) {
    const out: Record<string, unknown> = {};
    for (const key of requiredOf(s)) out[key] = skeleton(props[key] ?? {}, `${where}.${key}`);
    return out;
  }
  return scalar(s);
}

/** A components schema by name, shaped: `shaped('workflow-run', { id: 88, event: 'push' })`. */
export function shaped(name: string, overlay: Record<string, unknown>): Record<string, unknown> {
  return shape({ $ref: `#/components/schemas/${name}` }, overlay, name) as Record<string, unknown>;
}

/** The OpenAPI path template of a concrete request path, the most specific one when several match. */
function templateOf(method: string, pathname: string): string | undefined {
  const paths = load().paths;
  let best: string | undefined;
  let literals = -1;
  for (const template of Object.keys(paths)) {
    if (!paths[template][method]) continue;
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (!re.test(pathname)) continue;
    const n = template.split('/').filter((p) => p && !p.startsWith('{')).length;
    if (n > literals) [best, literals] = [template, n];
  }
  return best;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * Problems of one response against the operation's schema for its status, or [] when it conforms (or the
 * description has no JSON schema for it: GraphQL, blob storage, redirects).
 */
export function validateResponse(method: string, url: string, status: number, body: unknown): string[] {
  const m = method.toLowerCase();
  const template = templateOf(m, new URL(url, 'http://emulator').pathname);
  if (!template) return [];
  const schema = load().paths[template][m].responses?.[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [];
  const key = `${m} ${template} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    if (!ajv) {
      // OpenAPI 3.0 keywords (nullable, discriminator, example…) are not JSON Schema's: not strict, formats unchecked.
      ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, discriminator: false });
      ajv.addSchema({ components: load().components } as Schema, 'github');
    }
    validate = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"github#/components/')) as Schema);
    compiled.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${method} ${url} ${status}: ${e.instancePath || '(body)'} ${e.message ?? ''}`);
}
