/**
 * Reading the YAML: syntax errors with positions, and the guards against abusive input (size, nesting,
 * alias bombs) that must fail fast with a clear message instead of hanging or crashing the process.
 */
import { configError } from '../helpers/config.js';
import { parseConfig } from '../../src/config/load.js';
import { MAX_ALIAS_COUNT, MAX_CONFIG_BYTES, MAX_NESTING, readYaml } from '../../src/config/source.js';

const F = 'model-gate.yml';

const errorOf = configError;

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('YAML syntax errors give file:line:column and the parser\'s reason', () => {
  test('nested compact mapping', () => {
    const e = errorOf(lines('version: 1', 'task: binary', 'gates:', '  performance:', '    primary_metric: f1: x'));
    expect(e.message).toBe(`${F}:5:21: invalid YAML: Nested mappings are not allowed in compact mappings`);
    expect(e.location).toEqual({ file: F, line: 5, column: 21 });
  });

  test('unclosed flow sequence', () => {
    const e = errorOf(lines('version: 1', 'task: binary', 'policy:', '  hard_fail: [data', 'gates: {}'));
    expect(e.message).toMatch(new RegExp(`^${F}:5:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a \\]$`));
  });

  test('duplicate key points at the second one', () => {
    expect(errorOf(lines('version: 1', 'task: binary', 'task: binary')).message).toBe(
      `${F}:3:1: invalid YAML: Map keys must be unique`
    );
  });

  test('tab indentation', () => {
    expect(errorOf(lines('gates:', '\tperformance: {}')).message).toBe(
      `${F}:2:1: invalid YAML: line 2 is indented with a tab; YAML indents with spaces only, so replace the tab with spaces`
    );
  });

  test('more than one document', () => {
    expect(errorOf(lines('version: 1', '---', 'task: binary')).message).toBe(
      `${F}:2:1: the file holds more than one YAML document (---); a gate config is one document`
    );
  });

  test('an unknown tag is an error, not silently a string', () => {
    expect(errorOf(lines('version: 1', 'task: !bin binary')).message).toBe(`${F}:2:7: invalid YAML: Unresolved tag: !bin`);
  });

  test('YAML 1.1 tags such as !!binary are not resolved', () => {
    expect(errorOf(lines('version: 1', 'task: !!binary YmluYXJ5')).message).toBe(
      `${F}:2:7: invalid YAML: Unresolved tag: tag:yaml.org,2002:binary`
    );
  });

  test('an alias without an anchor', () => {
    expect(errorOf(lines('version: 1', 'task: *kind')).message).toBe(
      `${F}:2:7: YAML alias *kind has no anchor before it; define &kind first`
    );
  });

  test('positions are right with CRLF line ends and a byte order mark', () => {
    expect(errorOf('\ufeffversion: 2\r\ntask: binary\r\ngates: {performance: {primary_metric: f1, min_value: 0.1}}\r\n').message).toBe(
      `${F}:1:10: version must be 1; found 2 (this model-gate reads config version 1)`
    );
    expect(errorOf('version: 1\r\ntask: binray\r\ngates: {performance: {primary_metric: f1, min_value: 0.1}}\r\n').location).toEqual({
      file: F,
      line: 2,
      column: 7,
      key: 'task'
    });
  });
});

describe('empty documents', () => {
  test.each([
    ['nothing', ''],
    ['only whitespace', '  \n\n'],
    ['only comments', '# model-gate config\n# nothing here yet\n'],
    ['a document marker', '---\n'],
    ['null', '~\n']
  ])('%s', (_name, text) => {
    const e = errorOf(text);
    expect(e.message).toBe(`${F}: the config is empty; it needs at least version, task and one gate`);
    expect(e.location).toEqual({ file: F });
  });
});

describe('abuse guards', () => {
  // Without the guard this document expands to 9^9 values (hundreds of millions): the test would run out of
  // memory or time, so the error itself is the bound on the work.
  test('an alias bomb is rejected before it expands', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
      text += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    }
    const e = errorOf(text);
    expect(e.message).toBe(
      `${F}:2:8: the YAML aliases expand to too much data (an alias bomb?); write the values out instead of aliasing them`
    );
  });

  test('a few aliases are fine', () => {
    const cfg = parseConfig(
      lines(
        'version: 1',
        'task: binary',
        'gates:',
        '  performance:',
        '    primary_metric: f1',
        '    absolute_drop_allowed: &margin 0.01',
        '    metrics:',
        '      - { metric: roc_auc, absolute_drop_allowed: *margin }',
        '      - { metric: accuracy, absolute_drop_allowed: *margin }'
      ),
      F
    );
    expect(cfg.gates.performance!.checks.map((c) => c.comparison?.margin)).toEqual([
      { kind: 'absolute', value: 0.01 },
      { kind: 'absolute', value: 0.01 },
      { kind: 'absolute', value: 0.01 }
    ]);
    expect(MAX_ALIAS_COUNT).toBeGreaterThanOrEqual(10);
  });

  test('an oversized document is rejected before parsing', () => {
    const text = 'version: 1\n' + '#'.repeat(MAX_CONFIG_BYTES);
    expect(errorOf(text).message).toBe(
      `${F}: the config is 1,048,587 bytes, more than the limit of 1,048,576 bytes (1 MiB); check that it is the gate config`
    );
    // Broken YAML of that size gets the size error, not a syntax error: the parser never saw it.
    expect(errorOf('version: [1\n' + '#'.repeat(MAX_CONFIG_BYTES)).message).toMatch(/^model-gate\.yml: the config is 1,048,588 bytes, more than the limit/);
  });

  test('the limit counts UTF-8 bytes, and a document at the limit is read', () => {
    // 2-byte characters: half as many characters reach the limit.
    expect(errorOf('#' + 'é'.repeat(MAX_CONFIG_BYTES / 2)).message).toMatch(/^model-gate\.yml: the config is 1,048,577 bytes, more than the limit/);
    // Exactly at the limit (a comment) gets past the size check to the empty-config error.
    expect(errorOf('#'.repeat(MAX_CONFIG_BYTES)).message).toBe(
      `${F}: the config is empty; it needs at least version, task and one gate`
    );
  });

  test('deeply nested flow collections fail fast at the first level too deep', () => {
    const n = MAX_CONFIG_BYTES / 2;
    // The column of the error is the first level too deep: nothing past it was looked at.
    const e = errorOf('['.repeat(n) + ']'.repeat(n));
    expect(e.message).toBe(`${F}:1:${MAX_NESTING + 1}: the YAML is nested more than 64 levels deep; a gate config needs fewer than 10`);
    expect(errorOf('version: 1\ngates: ' + '{a: '.repeat(100) + '1' + '}'.repeat(100)).message).toBe(
      `${F}:2:${8 + 4 * MAX_NESTING}: the YAML is nested more than 64 levels deep; a gate config needs fewer than 10`
    );
  });

  test('brackets in quoted strings, comments and plain text do not count as nesting', () => {
    const deep = '['.repeat(100);
    const e = errorOf(
      lines(
        'version: 1',
        `task: "${deep}"`,
        `# ${deep}`,
        'gates: { performance: { primary_metric: f1, min_value: 0.1 } }',
        'policy:',
        `  waiver_label: it's ${deep}`,
        "  hard_fail: ['[[[[', data]"
      )
    );
    expect(e.message).toBe(
      `${F}:2:7: task must be one of binary, multiclass, regression, ranking, score; found "${'['.repeat(40)}…"\n` +
        'and 1 more problem:\n' +
        `  ${F}:7:15: policy.hard_fail[0] "[[[[" is not a gate; gates are: performance, segments, fairness, operations, data, cost, robustness, observability, rollback`
    );
  });

  test('deeply nested block mappings and compact sequences are refused too', () => {
    const block = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    expect(errorOf(block).message).toBe(
      `${F}:${MAX_NESTING + 1}:${MAX_NESTING + 1}: the YAML is nested more than 64 levels deep; a gate config needs fewer than 10`
    );
    expect(errorOf('- '.repeat(100) + 'x\n').message).toBe(
      `${F}:1:${2 * MAX_NESTING + 1}: the YAML is nested more than 64 levels deep; a gate config needs fewer than 10`
    );
  });

  test('repeated deep documents neither hang nor crash the process', () => {
    // Without the nesting guard, the yaml composer overflows the stack on such input, and a second parse in the
    // same process can abort Node with a fatal out-of-memory error in the regexp compiler.
    for (let i = 0; i < 3; i++) {
      expect(() => readYaml('['.repeat(2000) + ']'.repeat(2000), F)).toThrow(/nested more than 64 levels/);
      expect(() => readYaml(Array.from({ length: 1000 }, (_, j) => `${' '.repeat(j)}k:`).join('\n'), F)).toThrow(
        /nested more than 64 levels/
      );
    }
  });

  test('64 levels are still accepted by the reader', () => {
    const ok = '['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING);
    expect(() => readYaml(ok, F)).not.toThrow();
  });
});
