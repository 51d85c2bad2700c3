/**
 * The shipped config validators are Ajv standalone code generated at build time (scripts/validator/generate.mjs).
 * They must be current, and accept and reject exactly as the schema compiled by Ajv at run time: same verdict and
 * same errors on every config in the repository (fixtures, examples, the YAML blocks of the docs and the configs
 * written in the config tests) and on mutations of each.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { AJV_OPTIONS, configValidator, schemaProblems } from '../../src/config/validate.js';
import validateCanaryGenerated from '../../src/config/generated/canary-validator.js';

const ROOT = process.cwd();

function files(dir: string, ends: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const at = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(at, ends);
    return ends.some((x) => e.name.endsWith(x)) ? [at] : [];
  });
}

/** Every config text in the repository: .yml files, ```yaml blocks of the docs, `version: 1` literals of the config tests. */
function configTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const f of [...files(path.join(ROOT, '__tests__'), ['.yml', '.yaml']), ...files(path.join(ROOT, 'examples'), ['.yml', '.yaml'])]) {
    out.push([path.relative(ROOT, f), readFileSync(f, 'utf8')]);
  }
  for (const f of files(path.join(ROOT, 'docs'), ['.md'])) {
    const text = readFileSync(f, 'utf8');
    let i = 0;
    for (const m of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) out.push([`${path.relative(ROOT, f)} block ${i++}`, m[1]]);
  }
  for (const f of files(path.join(ROOT, '__tests__/config'), ['.test.ts'])) {
    const text = readFileSync(f, 'utf8');
    let i = 0;
    for (const m of text.matchAll(/`(version: 1\n[^`$]*)`/g)) out.push([`${path.relative(ROOT, f)} literal ${i++}`, m[1]]);
  }
  return out;
}

function values(): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [name, text] of configTexts()) {
    let value: unknown;
    try {
      value = parse(text);
    } catch {
      continue;
    }
    out.push([name, value]);
  }
  return out;
}

/** Mutations of a config: each key at every depth removed, replaced by a wrong type, and joined by an unknown key. */
function mutations(value: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown, replace: (v: unknown) => unknown) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, (v) => replace(node.map((x, j) => (j === i ? v : x)))));
      out.push(replace([...node, 'stray']));
      return;
    }
    if (node === null || typeof node !== 'object') {
      out.push(replace(typeof node === 'string' ? 7 : 'seven'), replace(null), replace(-1), replace(''));
      return;
    }
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const { [key]: _dropped, ...rest } = obj;
      out.push(replace(rest));
      out.push(replace({ ...obj, [`${key}x`]: obj[key] }));
      visit(obj[key], (v) => replace({ ...obj, [key]: v }));
    }
    out.push(replace([]));
  };
  visit(value, (v) => v);
  return out;
}

const compiled = new Ajv(AJV_OPTIONS).compile(configSchema);
const compiledCanary = new Ajv(AJV_OPTIONS).compile({ ...configSchema, required: ['version', 'canary'] });
const generated = configValidator();
const generatedCanary = validateCanaryGenerated as unknown as ValidateFunction;

/** An error without its schema objects (compared through schemaPath, and as JSON on the unmutated configs). */
const light = (errors: ValidateFunction['errors']) =>
  (errors ?? []).map(({ instancePath, schemaPath, keyword, params, message, data }) => ({ instancePath, schemaPath, keyword, params, message, data }));

function same(a: ValidateFunction, b: ValidateFunction, value: unknown, full = false): void {
  const ok = a(value);
  expect(b(value)).toBe(ok);
  expect(light(b.errors)).toEqual(light(a.errors));
  if (full) {
    const schemas = (errors: ValidateFunction['errors']) => JSON.stringify((errors ?? []).map((e) => [e.schema, e.parentSchema]));
    expect(schemas(b.errors)).toBe(schemas(a.errors));
  }
}

describe('generated config validators', () => {
  test('are current (node scripts/validator/generate.mjs --check)', () => {
    expect(() => execFileSync(process.execPath, ['scripts/validator/generate.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  test('the source of the shipped validator imports nothing and compiles nothing', () => {
    const text = readFileSync(path.join(ROOT, 'src/config/generated/config-validator.ts'), 'utf8');
    expect(text).not.toMatch(/\brequire\(|^import /m);
    expect(readFileSync(path.join(ROOT, 'src/config/validate.ts'), 'utf8')).not.toMatch(/new Ajv|\.compile\(/);
  });

  const all = values();

  test('the repository has configs to compare on', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(all.filter(([, v]) => compiled(v)).length).toBeGreaterThanOrEqual(5);
  });

  test.each(all)('%s: same verdict and errors as the compiled schema, also on its mutations', (_name, value) => {
    same(compiled, generated, value, true);
    same(compiledCanary, generatedCanary, value, true);
    for (const m of mutations(value)) {
      same(compiled, generated, m);
      same(compiledCanary, generatedCanary, m);
    }
  });

  test('schemaProblems uses the generated validators (offline and canary stages)', () => {
    expect(schemaProblems({ version: 1 })).not.toEqual([]);
    expect(schemaProblems({ version: 1, canary: {} }, 'canary')).toEqual(schemaProblems({ version: 1, canary: {} }, 'canary'));
  });
});
