/**
 * Reading the config text as YAML, defensively, and finding the line and column of any key path in it.
 *
 * The `yaml` library is used in its three stages (lexer, parser, composer) rather than through
 * `parseDocument`, so that abusive input is turned away before the stages that cost more than linear time or
 * recurse: the size is checked first, the lexer (iterative, cheap) stops at the first flow collection nested
 * too deep, the parser's token tree is measured without recursion, and only then is the document composed
 * (recursive) and converted to plain data with an alias budget (alias bombs).
 */
import {
  CST,
  Composer,
  type Document,
  Lexer,
  LineCounter,
  type Node,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit
} from 'yaml';
import { GateError } from '../base/errors.js';
import { yamlIndentHint } from './yaml-hints.js';

/** Largest config accepted, in bytes of UTF-8. A gate config is a few hundred lines at most. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** `the config is 1,048,577 bytes, more than the limit of 1,048,576 bytes (1 MiB)` */
export function tooBigText(bytes: number): string {
  const n = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `the config is ${n(bytes)} bytes, more than the limit of ${n(MAX_CONFIG_BYTES)} bytes (${MAX_CONFIG_BYTES / 1048576} MiB)`;
}
/** Deepest nesting of mappings and lists accepted. A v1 config needs 7 levels. */
export const MAX_NESTING = 64;
/** Budget of YAML alias expansion (the `yaml` library's measure), against alias bombs. */
export const MAX_ALIAS_COUNT = 100;

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface Position {
  line: number;
  column: number;
  /** Character offset in the text, for ordering. */
  offset: number;
}

/** `gates.performance.metrics[1].metric`; keys that are not plain identifiers are quoted: `where["device type"]`. */
export function formatPath(path: Path): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) s += s === '' ? seg : `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/** A parsed config: its plain data and the YAML tree it came from, for positions. */
export class ConfigDocument {
  constructor(
    /** The path shown in messages. */
    readonly source: string,
    /** The config as plain data (mappings are objects, lists arrays). */
    readonly value: unknown,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter
  ) {}

  /** Position of an offset in the text. */
  position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col, offset };
  }

  /**
   * Where the entry at `path` is written: with `at: 'key'` the key of a mapping entry (or the start of a list
   * item), with `at: 'value'` its value (falling back to the key when the value is empty). When the path leaves
   * the YAML tree (a key that is not there), the deepest entry that is there is used.
   */
  locate(path: Path, at: 'key' | 'value'): Position {
    let node: unknown = this.doc.contents;
    let keyOffset: number | undefined;
    for (const seg of path) {
      node = this.deref(node);
      let next: unknown;
      let nextKey: number | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair) {
          next = pair.value;
          nextKey = rangeStart(pair.key);
        }
      } else if (isSeq(node) && typeof seg === 'number') {
        next = node.items[seg];
        nextKey = rangeStart(next);
      }
      if (nextKey === undefined) break;
      node = next;
      keyOffset = nextKey;
    }
    const valueNode = this.deref(node);
    const valueOffset = isEmptyScalar(valueNode) ? undefined : rangeStart(valueNode);
    const offset = at === 'value' ? (valueOffset ?? keyOffset) : (keyOffset ?? valueOffset);
    return this.position(offset ?? 0);
  }

  private deref(node: unknown): unknown {
    // Aliases point at their anchor's node; a chain is at most as long as the file has aliases.
    for (let i = 0; i < 1000 && isAlias(node); i++) node = node.resolve(this.doc);
    return node;
  }
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? r[0] : undefined;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && (!node.range || node.range[0] === node.range[1]);
}

function fail(source: string, lines: LineCounter | undefined, offset: number | undefined, message: string): never {
  if (lines && offset !== undefined) {
    const { line, col } = lines.linePos(offset);
    throw new GateError(`${source}:${line}:${col}: ${message}`, { file: source, line, column: col });
  }
  throw new GateError(`${source}: ${message}`, { file: source });
}

/** Lexer pass: stop at the first flow collection (or run of `- ` / `? ` on one line) nested too deep. */
function checkLexedNesting(text: string, source: string): void {
  let offset = 0;
  let flowDepth = 0;
  let lineIndicators = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') flowDepth++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flowDepth = Math.max(0, flowDepth - 1);
    else if (type === 'newline') lineIndicators = 0;
    else if ((type === 'seq-item-ind' || type === 'explicit-key-ind') && flowDepth === 0) lineIndicators++;
    if (flowDepth > MAX_NESTING || lineIndicators > MAX_NESTING) {
      const lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
      fail(source, lines, offset, `the YAML is nested more than ${MAX_NESTING} levels deep; a gate config needs fewer than 10`);
    }
    // Tokens that mark a state change are not in the text.
    if (token !== CST.DOCUMENT && token !== CST.FLOW_END && token !== CST.SCALAR) offset += token.length;
  }
}

/** Depth of the parser's token tree, measured without recursion; returns the first collection too deep. */
function findTooDeep(tokens: readonly CST.Token[]): CST.Token | undefined {
  const stack: Array<[CST.Token | null | undefined, number]> = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push([token.value, depth]);
    } else if (CST.isCollection(token)) {
      if (depth + 1 > MAX_NESTING) return token;
      for (const item of token.items) {
        stack.push([item.key, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Short reason of a `yaml` error: its message without the position and code excerpt. */
function reason(message: string): string {
  return message.split(/ at line \d+, column \d+/)[0]!.trim();
}

/**
 * Parse `text` as a single YAML document and convert it to plain data. Every problem (too big, nested too
 * deep, YAML syntax, more than one document, alias bomb, empty) is a GateError with `source:line:column`.
 */
export function readYaml(text: string, source: string): ConfigDocument {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_CONFIG_BYTES) {
    fail(
      source,
      undefined,
      undefined,
      `${tooBigText(bytes)}; check that it is the gate config`
    );
  }
  // A byte order mark is not content; dropping it keeps the columns of the first line right.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  // YAML allows no C0 control character but tab and line breaks (YAML 1.2 §5.1): a NUL means a binary file.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) {
    const before = text.slice(0, control.index);
    const line = before.split('\n').length;
    const col = control.index - before.lastIndexOf('\n');
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new GateError(`${source}:${line}:${col}: the config holds the control character ${code}, which YAML does not allow; check that it is the gate config`, {
      file: source,
      line,
      column: col
    });
  }

  checkLexedNesting(text, source);

  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const deep = findTooDeep(tokens);
  if (deep && 'offset' in deep) {
    fail(source, lines, deep.offset, `the YAML is nested more than ${MAX_NESTING} levels deep; a gate config needs fewer than 10`);
  }

  const composer = new Composer({
    version: '1.2',
    schema: 'core',
    merge: false,
    resolveKnownTags: false,
    stringKeys: true,
    uniqueKeys: true
  });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) {
      doc = d;
    } else {
      fail(source, lines, d.range[0], 'the file holds more than one YAML document (---); a gate config is one document');
    }
  }
  if (!doc) fail(source, undefined, undefined, 'the config is empty; it needs at least version, task and one gate');

  // Warnings (unknown tags, YAML 1.1 directives, …) would change what a value means: treat them as errors.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const hint = yamlIndentHint(text, problem.code, problem.pos[0]);
    if (hint) {
      throw new GateError(`${source}:${hint.line}:${hint.column}: invalid YAML: ${hint.message}`, {
        file: source,
        line: hint.line,
        column: hint.column
      });
    }
    fail(source, lines, problem.pos[0], `invalid YAML: ${reason(problem.message)}`);
  }

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    fail(source, undefined, undefined, 'the config is empty; it needs at least version, task and one gate');
  }

  let unresolved: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (unresolved === undefined && !node.resolve(doc!)) unresolved = node.range?.[0] ?? 0;
    }
  });
  if (unresolved !== undefined) {
    const name = /^\*?([^\s,\]}]*)/.exec(text.slice(unresolved))?.[1] ?? '';
    fail(source, lines, unresolved, `YAML alias *${name} has no anchor before it; define &${name} first`);
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      let first: number | undefined;
      visit(doc, {
        Alias(_, node) {
          first ??= node.range?.[0];
        }
      });
      fail(
        source,
        lines,
        first,
        'the YAML aliases expand to too much data (an alias bomb?); write the values out instead of aliasing them'
      );
    }
    throw e;
  }
  return new ConfigDocument(source, value, doc, lines);
}
