/**
 * Robustness results: pass/fail cases from JUnit XML (pytest `--junitxml`, jest-junit) or JSON Lines. Pure:
 * text in, cases out; every problem is a GateError naming the file (and the line where there is one).
 *
 * JUnit: every `testcase` under `testsuites`/`testsuite` (nested suites too) is a case; with a `failure` or
 * `error` child it failed, with `skipped` it is left out, otherwise it passed. Its id is
 * `<classname>::<name>` (pytest writes the module path in classname, jest-junit the describe block), or
 * `<suite name>::<name>` without a classname. A DTD or entity declaration is refused before parsing: entity
 * expansion is how "billion laughs" files exhaust memory, and test reports never need one.
 *
 * JSON Lines: one object per line, `{"id": …, "passed": true|false}`, optional `"skipped": true`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { GateError } from '../../base/errors.js';
import { formatId, quote, quoteJson } from '../../base/text.js';

export type CaseOutcome = 'pass' | 'fail' | 'skipped';

export interface CaseResult {
  id: string;
  outcome: CaseOutcome;
}

export interface SuiteResults {
  /** The file as the user named it. */
  file: string;
  cases: CaseResult[];
}

/** What the shell read for one configured suite. */
export interface SuiteFacts {
  name: string;
  candidate: SuiteResults;
  champion?: SuiteResults;
}

/** Format by name: `.xml` is JUnit, anything else JSON Lines. */
export function formatOf(file: string, format?: 'junit' | 'jsonl'): 'junit' | 'jsonl' {
  return format ?? (/\.xml$/i.test(file) ? 'junit' : 'jsonl');
}

export function parseResults(text: string, file: string, format: 'junit' | 'jsonl'): SuiteResults {
  const cases = format === 'junit' ? parseJunit(text, file) : parseJsonlCases(text, file);
  rejectDuplicates(cases, file);
  return { file, cases };
}

/** The first DTD or entity declaration in the prolog (before the root element), if any. */
function declarationInProlog(text: string): { line: number } | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (/^<!(DOCTYPE|ENTITY)/i.test(text.slice(i, i + 9))) {
      return { line: lineAt(text, i) };
    } else {
      return null;
    }
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

type Node = Record<string, unknown>;
const LISTS = new Set(['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped']);

export function parseJunit(text: string, file: string): CaseResult[] {
  const declaration = declarationInProlog(text);
  // Anywhere else a declaration is not well-formed XML, which the validator reports; this catches the prolog.
  if (declaration || /<!ENTITY/i.test(text)) {
    const line = declaration?.line ?? lineAt(text, text.search(/<!ENTITY/i));
    throw new GateError(
      `${file}:${line}: the JUnit file has a DTD or entity declaration, which model-gate refuses (entity expansion can exhaust memory); write the report without a DOCTYPE.`,
      { file, line }
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, msg } = valid.err;
    throw new GateError(`${file}:${line}: not well-formed XML (${shorten(msg)}); write the JUnit report again.`, { file, line });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (name) => LISTS.has(name)
  });
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (e) {
    // The parser stops absurdly deep nesting itself ("Maximum nested tags exceeded") before it recurses far.
    const why = e instanceof Error ? e.message : String(e);
    throw new GateError(`${file}: the JUnit report cannot be read (${shorten(why)}); write it again with pytest --junitxml or jest-junit.`, { file });
  }
  const cases: CaseResult[] = [];
  const roots = [...asList(doc.testsuites).flatMap((s) => asList(s.testsuite)), ...asList(doc.testsuite)];
  if (roots.length === 0 && asList(doc.testsuites).length === 0) {
    throw new GateError(`${file}: no <testsuites> or <testsuite> element; this is not a JUnit report (pytest --junitxml, jest-junit).`, { file });
  }
  const visit = (suite: Node): void => {
    const suiteName = attr(suite, 'name');
    asList(suite.testcase).forEach((c) => {
      const name = attr(c, 'name');
      if (name === undefined || name === '') {
        throw new GateError(
          `${file}: a <testcase> in suite ${quote(suiteName ?? '(unnamed)')} has no name attribute, so it cannot be paired; write the report with test names.`,
          { file }
        );
      }
      const owner = attr(c, 'classname') || suiteName;
      const outcome: CaseOutcome =
        c.failure !== undefined || c.error !== undefined ? 'fail' : c.skipped !== undefined ? 'skipped' : 'pass';
      cases.push({ id: owner ? `${owner}::${name}` : name, outcome });
    });
    asList(suite.testsuite).forEach(visit);
  };
  roots.forEach(visit);
  return cases;
}

function asList(v: unknown): Node[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === 'object' && x !== null);
}

function attr(node: Node, name: string): string | undefined {
  const v = node[`@${name}`];
  return v === undefined ? undefined : String(v);
}

function shorten(s: string, max = 120): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function parseJsonlCases(text: string, file: string): CaseResult[] {
  const cases: CaseResult[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, k) => {
    const line = k + 1;
    const s = (k === 0 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).trim();
    if (s === '') return;
    let v: unknown;
    try {
      v = JSON.parse(s);
    } catch {
      throw new GateError(`${file}:${line}: not valid JSON; each line of a results file is {"id": …, "passed": true|false}.`, { file, line });
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      throw new GateError(`${file}:${line}: ${quoteJson(v)} is not an object; each line is {"id": …, "passed": true|false}.`, { file, line });
    }
    const o = v as Record<string, unknown>;
    if (typeof o.id !== 'string' && !(typeof o.id === 'number' && Number.isFinite(o.id))) {
      throw new GateError(`${file}:${line}: id must be a string or a number, not ${quoteJson(o.id)}.`, { file, line, key: 'id' });
    }
    if (o.id === '') throw new GateError(`${file}:${line}: id is empty; every case needs an id.`, { file, line, key: 'id' });
    if (o.skipped === true) {
      cases.push({ id: String(o.id), outcome: 'skipped' });
      return;
    }
    if (typeof o.passed !== 'boolean') {
      throw new GateError(`${file}:${line}: passed must be true or false, not ${quoteJson(o.passed)}.`, { file, line, key: 'passed' });
    }
    cases.push({ id: String(o.id), outcome: o.passed ? 'pass' : 'fail' });
  });
  return cases;
}

function rejectDuplicates(cases: readonly CaseResult[], file: string): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of cases) (seen.has(c.id) ? repeated : seen).add(c.id);
  if (repeated.size > 0) {
    const examples = [...repeated].slice(0, 3).map(formatId).join(', ');
    throw new GateError(
      `${file}: ${repeated.size} case id${repeated.size === 1 ? '' : 's'} appear${repeated.size === 1 ? 's' : ''} more than once (${examples}); give every case its own id.`,
      { file }
    );
  }
}
