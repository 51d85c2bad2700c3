/**
 * The corpus of broken and hostile inputs (issue 7): one entry per mistake a user can make, with the exact
 * sentence they see. Every entry runs through the bundled action and the CLI (hostile.test.ts). Each case
 * starts from a valid workspace — BASE_CONFIG and the default predictions below — and changes one thing.
 */
import { gzipSync } from 'node:zlib';
import type { HostileCase } from './harness.js';

export const F = '.github/model-gate.yml';
const CAND = 'preds/candidate.csv';
const CHAMP = 'preds/champion.csv';

export const BASE_CONFIG = `version: 1
task: binary
artifacts:
  candidate: preds/candidate.csv
  champion: preds/champion.csv
gates:
  performance:
    primary_metric: f1
    absolute_drop_allowed: 0.05
    metrics:
      - { metric: roc_auc, absolute_drop_allowed: 0.05 }
      - { metric: log_loss, absolute_drop_allowed: 0.05 }
  ci: { resamples: 200 }
`;

/** A multiclass gate whose log_loss check needs a probability column per class. */
const MULTICLASS_CONFIG = `version: 1
task: multiclass
artifacts:
  candidate: preds/candidate.csv
  champion: preds/champion.csv
gates:
  performance:
    primary_metric: macro_f1
    absolute_drop_allowed: 0.05
    metrics:
      - { metric: log_loss, absolute_drop_allowed: 0.05 }
`;

const COUNTS = 'preds/counts.csv';
/** A gate on a counts file instead of the two predictions files. */
const COUNTS_CONFIG = `version: 1
task: binary
artifacts:
  counts: preds/counts.csv
gates:
  performance: { primary_metric: f1, min_value: 0.1 }
`;

/** BASE_CONFIG with `gates:` replaced. */
export function withGates(gates: string): string {
  return BASE_CONFIG.replace(/gates:\n[\s\S]*$/, `gates:\n${gates}`);
}

/** The performance gate the release-gate cases keep, so only the new family can break. */
const PERF = '  performance: { primary_metric: f1, absolute_drop_allowed: 0.05 }\n';

/** The classic entity-expansion bomb: ten levels of ten references, a billion "lol"s if expanded. */
const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}
]>
<testsuites><testsuite name="s"><testcase name="&lol9;"/></testsuite></testsuites>
`;

const N = 24;
/** Valid predictions: ids r0…r23, a third positive, scores that rank well but not perfectly. */
export function predictionsCsv(which: 'candidate' | 'champion'): string {
  let s = 'id,label,score\n';
  for (let i = 0; i < N; i++) {
    const label = i % 3 === 0 ? 1 : 0;
    const wrong = which === 'candidate' ? i % 7 === 0 : i % 5 === 0;
    const base = label ? 0.8 : 0.2;
    const score = wrong ? 1 - base : base + ((i % 4) - 1.5) / 20;
    s += `r${i},${label},${score.toFixed(3)}\n`;
  }
  return s;
}

export const DEFAULT_FILES = { [CAND]: predictionsCsv('candidate'), [CHAMP]: predictionsCsv('champion') };

/** A candidate file: the valid header and rows, with `rows` (raw lines) in place of the first ones. */
function candidateWith(...rows: string[]): string {
  const valid = predictionsCsv('candidate').split('\n').slice(1 + rows.length);
  return ['id,label,score', ...rows, ...valid].join('\n');
}

/** `csv` with one more column holding `value` on every row. */
function withColumn(csv: string, name: string, value: string): string {
  return csv
    .split('\n')
    .map((line, i) => (i === 0 ? `${line},${name}` : line && `${line},${value}`))
    .join('\n');
}

/** Config whose only gate is one performance check of `metric` (so only the columns it needs are read). */
function onlyMetric(metric: string): string {
  return withGates(`  performance:\n    primary_metric: ${metric}\n    absolute_drop_allowed: 0.05\n  ci: { resamples: 200 }\n`);
}

/** A YAML alias bomb: 9 levels of 9 aliases each (9^9 ≈ 387M nodes if expanded). */
function aliasBomb(): string {
  let s = 'version: 1\ntask: binary\nbomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i <= 9; i++) s += `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return `${s}gates:\n  performance: { primary_metric: f1, absolute_drop_allowed: 0.05 }\n`;
}

export const CORPUS: HostileCase[] = [
  // ── The config: YAML ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'YAML syntax error: an unclosed flow sequence',
    config: 'version: 1\ntask: binary\ngates: [\n',
    message:
      '.github/model-gate.yml:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'
  },
  {
    name: 'YAML syntax error: a tab used for indentation',
    config: 'version: 1\ntask: binary\ngates:\n\tperformance:\n\t\tprimary_metric: f1\n',
    message:
      '.github/model-gate.yml:4:1: invalid YAML: line 4 is indented with a tab; YAML indents with spaces only, so replace the tab with spaces'
  },
  {
    name: 'YAML: a key written twice',
    config: BASE_CONFIG.replace('task: binary\n', 'task: binary\ntask: multiclass\n'),
    message:
      '.github/model-gate.yml:3:1: invalid YAML: Map keys must be unique'
  },
  {
    name: 'YAML: two documents in one file',
    config: `${BASE_CONFIG}---\nversion: 1\n`,
    message:
      '.github/model-gate.yml:14:1: the file holds more than one YAML document (---); a gate config is one document'
  },
  {
    name: 'YAML: an alias without an anchor',
    config: BASE_CONFIG.replace('primary_metric: f1', 'primary_metric: *metric'),
    message:
      '.github/model-gate.yml:8:21: YAML alias *metric has no anchor before it; define &metric first'
  },
  {
    name: 'YAML limit: an alias bomb is stopped before it expands',
    config: aliasBomb(),
    message:
      '.github/model-gate.yml:5:12: the YAML aliases expand to too much data (an alias bomb?); write the values out instead of aliasing them'
  },
  {
    name: 'YAML limit: a config over 1 MiB is refused before it is parsed',
    config: `${BASE_CONFIG}${'#'.repeat(80)}\n`.repeat(13000),
    message:
      '.github/model-gate.yml: the config is 5,330,000 bytes, more than the limit of 1,048,576 bytes (1 MiB); check that the `config` input points at the gate config'
  },
  {
    name: 'YAML limit: flow collections nested 100 deep',
    config: `version: 1\ntask: binary\ngates: ${'['.repeat(100)}${']'.repeat(100)}\n`,
    message:
      '.github/model-gate.yml:3:72: the YAML is nested more than 64 levels deep; a gate config needs fewer than 10'
  },
  {
    name: 'YAML limit: block mappings nested 100 deep',
    config: `version: 1\ntask: binary\ngates:\n${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`,
    message:
      '.github/model-gate.yml:67:129: the YAML is nested more than 64 levels deep; a gate config needs fewer than 10'
  },
  {
    name: 'YAML: a custom tag',
    config: BASE_CONFIG.replace('primary_metric: f1', 'primary_metric: !!js/function f1'),
    message:
      '.github/model-gate.yml:8:21: invalid YAML: Unresolved tag: tag:yaml.org,2002:js/function'
  },
  {
    name: 'config: not UTF-8 text (binary bytes)',
    config: Buffer.concat([Buffer.from('version: 1\ntask: '), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0a])]),
    message:
      '.github/model-gate.yml:2:7: the config is not UTF-8 text (byte 0xff); save it as UTF-8'
  },
  {
    name: 'config: saved as UTF-16',
    config: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE_CONFIG, 'utf16le')]),
    message:
      '.github/model-gate.yml: the config is UTF-16 text; save it as UTF-8'
  },
  {
    name: 'config: a control character',
    config: BASE_CONFIG.replace('task: binary', 'task: bin\u0007ary'),
    message:
      '.github/model-gate.yml:2:10: the config holds the control character U+0007, which YAML does not allow; check that it is the gate config'
  },

  // ── The config: keys, types, metrics, rules ──────────────────────────────────────────────────────────
  {
    name: 'an unknown top-level key',
    config: `${BASE_CONFIG}thresholds: 0.5\n`,
    message:
      '.github/model-gate.yml:14:1: unknown key "thresholds" at the top level; did you mean "threshold"?'
  },
  {
    name: 'a misspelt key gets a "did you mean"',
    config: BASE_CONFIG.replace('primary_metric: f1', 'primary_metrc: f1'),
    message:
      '.github/model-gate.yml:8:5: unknown key "primary_metrc" at gates.performance; did you mean "primary_metric"?'
  },
  {
    name: 'wrong type: text where a number belongs',
    config: BASE_CONFIG.replace('{ resamples: 200 }', '{ resamples: lots }'),
    message:
      '.github/model-gate.yml:13:20: gates.ci.resamples must be a whole number; found the text "lots"'
  },
  {
    name: 'wrong type: a list where a mapping belongs',
    config: BASE_CONFIG.replace(/artifacts:\n.*\n.*\n/, 'artifacts: [preds/candidate.csv, preds/champion.csv]\n'),
    message:
      '.github/model-gate.yml:3:12: artifacts must be a mapping; found a list'
  },
  {
    name: 'wrong type: the config is a list',
    config: '- version: 1\n- task: binary\n',
    message:
      '.github/model-gate.yml:1:1: the config must be a mapping of keys (version, task, gates, …); found a list'
  },
  {
    name: 'a version this model-gate does not know',
    config: BASE_CONFIG.replace('version: 1', 'version: 2'),
    message:
      '.github/model-gate.yml:1:10: version must be 1; found 2 (this model-gate reads config version 1)'
  },
  {
    name: 'a metric that does not fit the task',
    config: BASE_CONFIG.replace('primary_metric: f1', 'primary_metric: rmse'),
    message:
      '.github/model-gate.yml:8:21: metric "rmse" at gates.performance.primary_metric does not fit task binary; binary metrics are: accuracy, precision, recall, tpr, specificity, tnr, fpr, fnr, f1, balanced_accuracy, mcc, selection_rate, roc_auc, pr_auc, log_loss, brier, ece, net_benefit'
  },
  {
    name: 'a metric that does not exist',
    config: BASE_CONFIG.replace('metric: roc_auc', 'metric: auroc'),
    message:
      '.github/model-gate.yml:11:19: unknown metric "auroc" at gates.performance.metrics[0].metric; binary metrics are: accuracy, precision, recall, tpr, specificity, tnr, fpr, fnr, f1, balanced_accuracy, mcc, selection_rate, roc_auc, pr_auc, log_loss, brier, ece, net_benefit'
  },
  {
    name: 'a comparison without a margin or rule',
    config: BASE_CONFIG.replace('    absolute_drop_allowed: 0.05\n    metrics:', '    compare_to: champion\n    metrics:'),
    message:
      '.github/model-gate.yml:8:21: gates.performance has nothing to check; add absolute_drop_allowed, relative_drop_allowed, rule, min_value or max_value'
  },
  {
    name: 'both margins on one check',
    config: BASE_CONFIG.replace('absolute_drop_allowed: 0.05\n    metrics:', 'absolute_drop_allowed: 0.05\n    relative_drop_allowed: 0.01\n    metrics:'),
    message:
      '.github/model-gate.yml:10:5: gates.performance sets both absolute_drop_allowed and relative_drop_allowed; keep one of them'
  },
  {
    name: 'a confidence level outside (0, 1)',
    config: BASE_CONFIG.replace('{ resamples: 200 }', '{ resamples: 200, confidence_level: 95 }'),
    message:
      '.github/model-gate.yml:13:43: gates.ci.confidence_level must be greater than 0 and less than 1; found 95; write it as a fraction (95 % is 0.95)'
  },
  {
    name: 'no gate at all',
    config: 'version: 1\ntask: binary\ngates: {}\n',
    message:
      '.github/model-gate.yml:3:1: gates configures no gate; add at least one, for example gates.performance'
  },
  {
    name: 'an empty config file',
    config: '',
    message:
      '.github/model-gate.yml: the config is empty; it needs at least version, task and one gate'
  },
  {
    name: 'a config of comments only',
    config: '# nothing here yet\n',
    message:
      '.github/model-gate.yml: the config is empty; it needs at least version, task and one gate'
  },
  {
    name: 'no config file',
    config: null,
    message:
      '.github/model-gate.yml does not exist (from {origin:config}); check the path, which is relative to the workspace'
  },
  {
    name: 'the config input names a directory',
    inputs: { config: 'preds' },
    message:
      'preds is a directory, not a file (from {origin:config}); point it at the file itself'
  },
  {
    name: 'no candidate configured anywhere',
    config: BASE_CONFIG.replace('  candidate: preds/candidate.csv\n', ''),
    message:
      'no candidate predictions: set artifacts.candidate in .github/model-gate.yml or pass {origin:candidate}'
  },

  // ── Predictions files: missing, empty, malformed ─────────────────────────────────────────────────────
  { name: 'the candidate file is missing', files: { [CAND]: null }, message:
      'preds/candidate.csv does not exist (from artifacts.candidate in .github/model-gate.yml); check the path, which is relative to the workspace' },
  { name: 'the champion file is configured but missing', files: { [CHAMP]: null }, message:
      'preds/champion.csv does not exist (from artifacts.champion in .github/model-gate.yml); check the path, which is relative to the workspace' },
  {
    name: 'the candidate input names a missing file',
    inputs: { candidate: 'preds/nope.csv' },
    message:
      'preds/nope.csv does not exist (from {origin:candidate}); check the path, which is relative to the workspace'
  },
  { name: 'an empty candidate file (0 bytes)', files: { [CAND]: '' }, message:
      'preds/candidate.csv is empty; it needs a header row and one row per test example.' },
  { name: 'a candidate file of blank lines', files: { [CAND]: '\n\r\n\n' }, message:
      'preds/candidate.csv is empty; it needs a header row and one row per test example.' },
  {
    name: 'a predictions file saved as UTF-16',
    files: { [CAND]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(predictionsCsv('candidate'), 'utf16le')]) },
    message:
      'preds/candidate.csv is not UTF-8 text (its first line holds NUL characters or bytes that are not UTF-8; it may be UTF-16, compressed or binary); save it as UTF-8 CSV.'
  },
  {
    name: 'a gzip file without .gz',
    files: { [CAND]: gzipSync(predictionsCsv('candidate')) },
    message:
      'preds/candidate.csv is not UTF-8 text (its first line holds NUL characters or bytes that are not UTF-8; it may be UTF-16, compressed or binary); save it as UTF-8 CSV.'
  },
  {
    name: 'JSONL: saved as UTF-16',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.jsonl'),
    files: { 'preds/candidate.jsonl': Buffer.from('{"id": "r0", "label": 1, "score": 0.9}\n', 'utf16le') },
    message:
      'preds/candidate.jsonl is not UTF-8 text (its first line holds NUL characters or bytes that are not UTF-8; it may be UTF-16, compressed or binary); save it as UTF-8 JSON Lines.'
  },
  { name: 'a header-only candidate file', files: { [CAND]: 'id,label,score\n' }, message:
      'preds/candidate.csv has a header but no rows; it needs one row per test example.' },
  { name: 'no id column', files: { [CAND]: 'row,label,score\n1,1,0.9\n' }, message:
      'preds/candidate.csv has no column "id"; its columns are row, label, score; set columns.id to the name of that column.' },
  { name: 'no label column (a near miss)', files: { [CAND]: 'id,Label,score\n1,1,0.9\n' }, message:
      'preds/candidate.csv has no column "label" (did you mean "Label"?); its columns are id, Label, score; set columns.label to the name of that column.' },
  { name: 'no score column', files: { [CAND]: 'id,label,proba\nr0,1,0.9\n' }, message:
      'preds/candidate.csv has no column "score"; its columns are id, label, proba; set columns.score to the name of that column.' },
  { name: 'a column named twice', files: { [CAND]: 'id,label,score,score\nr0,1,0.9,0.8\n' }, message:
      'preds/candidate.csv has two columns named "score" (columns 3 and 4); rename or remove one.' },
  {
    name: 'a row with a missing field',
    files: { [CAND]: candidateWith('r0,1,0.9', 'r1,0') },
    message:
      'preds/candidate.csv line 3 has 2 fields but the header has 3; give every row the header\'s fields, quoting values that contain commas or line breaks.',
    annotation: { file: CAND, line: 3 }
  },
  {
    name: 'a quoted field never closed',
    files: { [CAND]: candidateWith('r0,1,0.9', '"r1,0,0.1') },
    message:
      'preds/candidate.csv line 3: a quoted field is never closed; a quote inside a quoted field must be doubled ("").'
  },
  {
    name: 'text after a closing quote',
    files: { [CAND]: candidateWith('r0,1,0.9', '"r1"x,0,0.1') },
    message:
      'preds/candidate.csv line 3: a quoted field is followed by text before the next delimiter; a quote inside a quoted field must be doubled ("").'
  },
  { name: 'a non-numeric score', files: { [CAND]: candidateWith('r0,1,0.9', 'r1,0,high') }, message:
      'preds/candidate.csv line 3, column "score": "high" is not a number; write scores as plain decimal numbers such as 0.73.' },
  { name: 'an empty score', files: { [CAND]: candidateWith('r0,1,0.9', 'r1,0,') }, message:
      'preds/candidate.csv line 3, column "score": the score is empty; every row needs a finite number.' },
  { name: 'a NaN score', files: { [CAND]: candidateWith('r0,1,0.9', 'r1,0,NaN') }, message:
      'preds/candidate.csv line 3, column "score": "NaN" is not a finite number; every score must be a finite number.' },
  { name: 'an infinite score', files: { [CAND]: candidateWith('r0,1,0.9', 'r1,0,-inf') }, message:
      'preds/candidate.csv line 3, column "score": "-inf" is not a finite number; every score must be a finite number.' },
  { name: 'a score that overflows to infinity', files: { [CAND]: candidateWith('r0,1,1e999') }, message:
      'preds/candidate.csv line 2, column "score": "1e999" is not a finite number; every score must be a finite number.' },
  { name: 'a hexadecimal score', files: { [CAND]: candidateWith('r0,1,0x1') }, message:
      'preds/candidate.csv line 2, column "score": "0x1" is not a number; write scores as plain decimal numbers such as 0.73.' },
  {
    name: 'a probability above 1 when log_loss needs probabilities',
    files: { [CAND]: candidateWith('r0,1,0.9', 'r1,0,1.5') },
    message:
      'preds/candidate.csv line 3, column "score": 1.5 is outside [0, 1], but log_loss, brier and ece need probabilities; write calibrated probabilities or drop those metrics.'
  },
  {
    name: 'a negative probability for brier',
    config: onlyMetric('brier'),
    files: { [CAND]: candidateWith('r0,1,-0.25') },
    message:
      'preds/candidate.csv line 2, column "score": -0.25 is outside [0, 1], but log_loss, brier and ece need probabilities; write calibrated probabilities or drop those metrics.'
  },
  { name: 'an empty label', files: { [CAND]: candidateWith('r0,,0.9') }, message:
      'preds/candidate.csv line 2, column "label": the label is empty; every row needs one.' },
  { name: 'an empty id', files: { [CAND]: candidateWith('r0,1,0.9', ' ,0,0.1') }, message:
      'preds/candidate.csv line 3, column "id": the id is empty; every row needs one.' },
  {
    name: 'mixed label types: numbers and words in one column',
    files: { [CAND]: candidateWith('r0,1,0.9', 'r1,no,0.1') },
    message:
      'preds/candidate.csv, column "label": a binary task needs two label values but the file has more ("1", "no", "0"); fix the labels or set task: multiclass.'
  },
  {
    name: 'labels written as words in one file and numbers in the other',
    files: { [CAND]: predictionsCsv('candidate').replace(/,1,/g, ',yes,').replace(/,0,/g, ',no,') },
    message:
      'preds/candidate.csv, column "label": the positive label "1" never occurs (the labels are "yes" and "no"); set positive_label to the value that marks the positive class.'
  },
  {
    name: 'more than two labels in a binary task',
    files: { [CAND]: candidateWith('r0,1,0.9', 'r1,2,0.1', 'r2,3,0.1') },
    message:
      'preds/candidate.csv, column "label": a binary task needs two label values but the file has more ("1", "2", "3", "0"); fix the labels or set task: multiclass.'
  },
  {
    name: 'the positive label never occurs',
    config: BASE_CONFIG.replace('task: binary\n', 'task: binary\npositive_label: churned\n'),
    message:
      'preds/candidate.csv, column "label": the positive label "churned" never occurs (the labels are "1" and "0"); set positive_label to the value that marks the positive class.'
  },
  {
    name: 'duplicate ids',
    files: { [CAND]: predictionsCsv('candidate').replace('r5,', 'r4,').replace('r9,', 'r4,') },
    message:
      'candidate preds/candidate.csv has 1 duplicate id (e.g. r4; id r4 is on lines 6 and 7); every test example must appear exactly once.'
  },
  {
    name: 'ids in one file only',
    files: { [CAND]: predictionsCsv('candidate').replace('r5,', 'x5,').replace('r7,', 'x7,') },
    message:
      'candidate preds/candidate.csv and champion preds/champion.csv do not cover the same test set: 2 ids are only in preds/candidate.csv (e.g. x5, x7) and 2 ids are only in preds/champion.csv (e.g. r5, r7); evaluate both models on the same rows.'
  },
  {
    name: 'a different label for the same id',
    files: { [CHAMP]: predictionsCsv('champion').replace('r3,1,', 'r3,0,').replace('r4,0,', 'r4,1,') },
    message:
      'candidate preds/candidate.csv and champion preds/champion.csv disagree on the label of 2 ids (e.g. r3, r4; id r3 is positive at preds/candidate.csv line 5 but negative at preds/champion.csv line 5); both files must carry the labels of the same test set.'
  },
  {
    name: 'a predictions file with an unsupported extension',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.xlsx'),
    files: { 'preds/candidate.xlsx': 'PK\u0003\u0004' },
    message:
      'preds/candidate.xlsx has an unsupported file extension; use .csv, .tsv, .jsonl or .ndjson, each optionally followed by .gz.'
  },
  {
    name: 'a .gz file that is not gzip',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.csv.gz'),
    files: { 'preds/candidate.csv.gz': 'id,label,score\n' },
    message:
      'preds/candidate.csv.gz is not a valid gzip file (incorrect header check); recompress it or drop the .gz extension.'
  },
  {
    name: 'a truncated gzip file',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.csv.gz'),
    files: { 'preds/candidate.csv.gz': gzipSync(predictionsCsv('candidate')).subarray(0, 40) },
    message:
      'preds/candidate.csv.gz is not a valid gzip file (unexpected end of file); recompress it or drop the .gz extension.'
  },
  {
    name: 'a gzip bomb: one endless value, 17 MiB unpacked from a few KiB',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.csv.gz'),
    files: { 'preds/candidate.csv.gz': gzipSync(Buffer.concat([Buffer.from('id,label,score\nr0,1,0.'), Buffer.alloc(17 << 20, '1')])) },
    message:
      'preds/candidate.csv.gz line 2, field 3: a value longer than 16,777,216 characters; this does not look like a table of predictions: check the file and its delimiter.',
    annotation: { file: 'preds/candidate.csv.gz', line: 2 }
  },
  {
    name: 'JSONL: a line that is not JSON',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.jsonl'),
    files: { 'preds/candidate.jsonl': '{"id": "r0", "label": 1, "score": 0.9}\n{"id": "r1", "label": 0, "score": 0.1, password: "hunter2"}\n' },
    message:
      'preds/candidate.jsonl line 2 is not valid JSON (expected double-quoted property name at column 40); write one JSON object per line.'
  },
  {
    name: 'JSONL: a line that is not an object',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.jsonl'),
    files: { 'preds/candidate.jsonl': '{"id": "r0", "label": 1, "score": 0.9}\n[1, 0, 0.5]\n' },
    message:
      'preds/candidate.jsonl line 2 is an array, not a JSON object; write one object per line, like {"id": "17", "label": 1}.'
  },
  {
    name: 'JSONL: a score that is an object',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.jsonl'),
    files: { 'preds/candidate.jsonl': '{"id": "r0", "label": 1, "score": {"p": 0.9}}\n' },
    message:
      'preds/candidate.jsonl line 1, column "score": the value is an object; use a number, string, boolean or null.'
  },
  {
    name: 'JSONL: a label of the wrong kind (true next to 0)',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.jsonl'),
    files: { 'preds/candidate.jsonl': '{"id": "r0", "label": 1, "score": 0.9}\n{"id": "r1", "label": true, "score": 0.9}\n{"id": "r2", "label": 0, "score": 0.1}\n' },
    message:
      'preds/candidate.jsonl, column "label": a binary task needs two label values but the file has more ("1", "true", "0"); fix the labels or set task: multiclass.'
  },

  // ── Segments ────────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'a segment that matches no rows',
    config: withGates(
      '  performance: { primary_metric: f1, absolute_drop_allowed: 0.05 }\n  segments:\n    - { name: mobile, where: { device: [ios, android] }, metric: recall, min_value: 0.5 }\n  ci: { resamples: 200 }\n'
    ),
    files: { [CAND]: withColumn(predictionsCsv('candidate'), 'device', 'desktop') },
    message:
      '.github/model-gate.yml: segment "mobile" (gates.segments[0]) matches no row of preds/candidate.csv (its where: device in "ios", "android"); device has values "desktop"; fix the values or remove the segment.'
  },

  // ── Multiclass and regression ─────────────────────────────────────────────────────────────────────────
  {
    name: 'multiclass: a label without a probability column when log_loss needs one',
    config: MULTICLASS_CONFIG,
    files: {
      [CAND]: 'id,label,prediction,proba_cat,proba_dog\nr1,cat,cat,0.9,0.1\nr2,dog,dog,0.2,0.8\nr3,eel,dog,0.5,0.5\n',
      [CHAMP]: 'id,label,prediction,proba_cat,proba_dog,proba_eel\nr1,cat,cat,0.8,0.1,0.1\nr2,dog,dog,0.1,0.8,0.1\nr3,eel,eel,0.1,0.1,0.8\n'
    },
    message:
      'preds/candidate.csv line 4, column "label": the label "eel" has no probability column "proba_eel"; log_loss needs a probability for every class that occurs as a label (the file\'s probability columns are proba_cat, proba_dog).'
  },
  {
    name: 'multiclass: no probability columns at all when log_loss needs them',
    config: MULTICLASS_CONFIG,
    files: { [CAND]: 'id,label,prediction\nr1,cat,cat\nr2,dog,dog\n' },
    message:
      'preds/candidate.csv has no probability columns (named proba_<class>, columns.score_prefix); log_loss needs one per class. Its columns are id, label, prediction.'
  },
  {
    name: 'multiclass: a probability outside [0, 1]',
    config: MULTICLASS_CONFIG,
    files: { [CAND]: 'id,label,prediction,proba_cat,proba_dog\nr1,cat,cat,1.2,-0.2\n' },
    message:
      'preds/candidate.csv line 2, column "proba_cat": 1.2 is outside [0, 1]; class probabilities must lie between 0 and 1.'
  },
  {
    name: 'regression: a label that is not a number',
    config: withGates('  performance: { primary_metric: mae, absolute_drop_allowed: 0.5 }\n').replace('task: binary', 'task: regression'),
    files: { [CAND]: 'id,label,prediction\nr1,1.5,1.4\nr2,n/a,0.2\n', [CHAMP]: 'id,label,prediction\nr1,1.5,1.3\nr2,0,0.1\n' },
    message:
      'preds/candidate.csv line 3, column "label": "n/a" is not a number; write the label as a plain decimal number such as 0.73.'
  },

  // ── Operations and cost artifacts ────────────────────────────────────────────────────────────────────
  {
    name: 'a load test that is not valid JSON quotes none of its text',
    config: withGates('  performance: { primary_metric: f1, absolute_drop_allowed: 0.05 }\n  operations:\n    latency_p95_ms: { max_value: 250 }\n').replace(
      '  champion: preds/champion.csv\n',
      '  champion: preds/champion.csv\n  operations: ops/load.json\n'
    ),
    files: { 'ops/load.json': '{"latency_p95_ms": 210, "password": "hunter2", oops}' },
    message: 'ops/load.json:1:48: the load-test result is not valid JSON (expected double-quoted property name).'
  },
  {
    name: 'a cost value that is a long text is quoted shortened',
    config: withGates('  performance: { primary_metric: f1, absolute_drop_allowed: 0.05 }\n  cost: { max_cost_per_useful_outcome: 0.5 }\n').replace(
      '  champion: preds/champion.csv\n',
      '  champion: preds/champion.csv\n  cost: cost.json\n'
    ),
    files: {
      'cost.json': JSON.stringify({ inference_cost: `about ten dollars, see ${'x'.repeat(500)}`, infra_cost: 1, storage_cost: 1, retraining_cost: 1, human_ops_cost: 1, success_count: 10 })
    },
    message: 'cost.json: inference_cost must be a finite number ≥ 0, not "about ten dollars, see xxxxxxxxxxxxxxx….'
  },

  // ── Release gates: robustness results, rule files, drill records, freshness ───────────────────────────
  {
    name: 'a JUnit report that is not well-formed XML',
    config: withGates(`${PERF}  robustness:\n    suites:\n      - { name: edge, results: reports/edge.xml, max_failure_rate: 0.1 }\n`),
    files: { 'reports/edge.xml': '<?xml version="1.0"?>\n<testsuites><testsuite name="s">\n<testcase name="a"></testsuite></testsuites>\n' },
    message: 'reports/edge.xml:3: not well-formed XML (Expected closing tag \'testcase\' (opened in line 3, col 1) instead of closing tag \'testsuite\'.); write the JUnit report again.'
  },
  {
    name: 'a JUnit report with a billion-laughs entity declaration is refused before parsing',
    config: withGates(`${PERF}  robustness:\n    suites:\n      - { name: edge, results: reports/edge.xml, max_failure_rate: 0.1 }\n`),
    files: { 'reports/edge.xml': BILLION_LAUGHS },
    message: 'reports/edge.xml:2: the JUnit file has a DTD or entity declaration, which model-gate refuses (entity expansion can exhaust memory); write the report without a DOCTYPE.'
  },
  {
    name: 'a JUnit report nested a hundred thousand suites deep',
    config: withGates(`${PERF}  robustness:\n    suites:\n      - { name: edge, results: reports/edge.xml, max_failure_rate: 0.1 }\n`),
    files: { 'reports/edge.xml': `<testsuites>${'<testsuite name="s">'.repeat(100_000)}<testcase name="a"/>${'</testsuite>'.repeat(100_000)}</testsuites>` },
    message: 'reports/edge.xml: the JUnit report cannot be read (Maximum nested tags exceeded); write it again with pytest --junitxml or jest-junit.'
  },
  {
    name: 'robustness results in JSON Lines with passed written as text',
    config: withGates(`${PERF}  robustness:\n    suites:\n      - { name: injection, results: reports/injection.jsonl, max_failure_rate: 0.1 }\n`),
    files: { 'reports/injection.jsonl': '{"id": "inj-1", "passed": true}\n{"id": "inj-2", "passed": "yes"}\n' },
    message: 'reports/injection.jsonl:2: passed must be true or false, not "yes".'
  },
  {
    name: 'robustness runs of candidate and champion on different cases',
    config: withGates(
      `${PERF}  robustness:\n    suites:\n      - { name: edge, results: reports/edge.jsonl, champion_results: reports/edge-champion.jsonl, absolute_drop_allowed: 0.05 }\n`
    ),
    files: {
      'reports/edge.jsonl': '{"id": "a", "passed": true}\n{"id": "b", "passed": true}\n{"id": "c", "passed": false}\n',
      'reports/edge-champion.jsonl': '{"id": "a", "passed": true}\n{"id": "d", "passed": true}\n{"id": "e", "passed": true}\n'
    },
    message: 'robustness suite "edge": 4 case ids are in only one run — 2 only in reports/edge.jsonl (b, c); 2 only in reports/edge-champion.jsonl (d, e); both models must run the same cases to be compared.'
  },
  {
    name: 'a Prometheus rule file that is not YAML',
    config: withGates(`${PERF}  observability:\n    alert_rules: [monitoring/alerts.rules.yml]\n`),
    files: { 'monitoring/alerts.rules.yml': 'groups:\n  - name: model\n    rules: [\n      - alert: X\n' },
    message: 'monitoring/alerts.rules.yml:4: not valid YAML (Block collections are not allowed within flow collections); a Prometheus rule file is `groups: [{name, rules: [{alert, expr, labels, annotations}]}]`.'
  },
  {
    name: 'a Prometheus rule file larger than any real one',
    config: withGates(`${PERF}  observability:\n    alert_rules: [monitoring/alerts.rules.yml]\n`),
    files: { 'monitoring/alerts.rules.yml': `groups: []\n${'#'.repeat(4 * 1024 * 1024)}\n` },
    message: 'monitoring/alerts.rules.yml is 4194316 bytes, more than the 4194304 model-gate reads for a Prometheus rule file; split it or keep only what the gate needs.'
  },
  {
    name: 'a rule file outside the workspace is not opened',
    config: withGates(`${PERF}  observability:\n    alert_rules: ['../outside/secret.yml']\n`),
    message: '../outside/secret.yml (from gates.observability.alert_rules in .github/model-gate.yml) is outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace.'
  },
  {
    name: 'a drill record with values of the wrong types',
    config: withGates(`${PERF}  rollback: { drill: ops/drill.json }\n`),
    files: { 'ops/drill.json': JSON.stringify({ date: 20261102, rto_seconds: '4 minutes', restored: 'model', runbook: '', owner: 7 }) },
    message: 'ops/drill.json: date must be an ISO 8601 date or time (2026-11-02T14:00:00Z), not 20261102.'
  },
  {
    name: 'a freshness column with a value that is not a timestamp',
    config: withGates(`${PERF}  data:\n    freshness: { column: event_time, max_age_hours: 24 }\n`).replace(
      '  champion: preds/champion.csv\n',
      '  champion: preds/champion.csv\n  data: { current: data/current.csv }\n'
    ),
    files: { 'data/current.csv': 'event_time,x\n2026-11-21T10:00:00Z,1\nyesterday,2\n' },
    message: 'data/current.csv:3: event_time "yesterday" is neither an ISO 8601 timestamp nor epoch seconds; write ISO 8601 (2026-11-30T10:00:00Z) or epoch seconds.'
  },

  // ── Containment: nothing outside the workspace or the temp directory is read ─────────────────────────
  {
    name: 'containment: artifacts.candidate is an absolute path outside',
    config: BASE_CONFIG.replace('preds/candidate.csv', '{OUTSIDE}/secret.csv'),
    message:
      '{OUTSIDE}/secret.csv (from artifacts.candidate in .github/model-gate.yml) is outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace.'
  },
  {
    name: 'containment: artifacts.champion climbs out with ../',
    config: BASE_CONFIG.replace('preds/champion.csv', '../outside/secret.csv'),
    message:
      '../outside/secret.csv (from artifacts.champion in .github/model-gate.yml) is outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace.'
  },
  {
    name: 'containment: the candidate input climbs out',
    inputs: { candidate: 'preds/../../outside/secret.csv' },
    message:
      'preds/../../outside/secret.csv (from {origin:candidate}) is outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace.'
  },
  {
    name: 'containment: the config input is outside',
    inputs: { config: '../outside/secret.yml' },
    message:
      '../outside/secret.yml (from {origin:config}) is outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace.'
  },
  {
    name: 'containment: a predictions file that is a symbolic link to a file outside',
    files: { [CAND]: null },
    links: { [CAND]: '{OUTSIDE}/secret.csv' },
    message:
      'preds/candidate.csv (from artifacts.candidate in .github/model-gate.yml) leads through a symbolic link to outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace instead of linking to it.'
  },
  {
    name: 'containment: a directory on the way is a symbolic link outside',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'linked/secret.csv'),
    links: { linked: '{OUTSIDE}' },
    message:
      'linked/secret.csv (from artifacts.candidate in .github/model-gate.yml) leads through a symbolic link to outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace instead of linking to it.'
  },
  {
    name: 'containment: the config file is a symbolic link outside',
    config: null,
    links: { [F]: '{OUTSIDE}/secret.yml' },
    message:
      '.github/model-gate.yml (from {origin:config}) leads through a symbolic link to outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace instead of linking to it.'
  },
  {
    name: 'containment: a relative symbolic link that climbs out',
    files: { [CAND]: null },
    links: { [CAND]: '../../outside/secret.csv' },
    message:
      'preds/candidate.csv (from artifacts.candidate in .github/model-gate.yml) leads through a symbolic link to outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace instead of linking to it.'
  },
  {
    name: 'containment: a loop of symbolic links',
    files: { [CAND]: null },
    links: { [CAND]: 'loop.csv', 'preds/loop.csv': 'candidate.csv' },
    message:
      'preds/candidate.csv (from artifacts.candidate in .github/model-gate.yml) is a loop of symbolic links; fix or remove the links.'
  },
  {
    name: 'containment: an unused artifact path outside is refused too',
    config: BASE_CONFIG.replace('  champion: preds/champion.csv\n', '  champion: preds/champion.csv\n  cost: /etc/passwd\n'),
    message:
      '/etc/passwd (from artifacts.cost in .github/model-gate.yml) is outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace.'
  },
  {
    name: 'containment: artifacts.data.reference outside',
    config: BASE_CONFIG.replace(
      '  champion: preds/champion.csv\n',
      '  champion: preds/champion.csv\n  data: { reference: ../outside/secret.csv, current: preds/candidate.csv }\n'
    ),
    message:
      '../outside/secret.csv (from artifacts.data.reference in .github/model-gate.yml) is outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace.'
  },
  {
    name: 'containment: a model directory holding a symbolic link outside',
    config: withGates(
      '  performance: { primary_metric: f1, absolute_drop_allowed: 0.05 }\n  operations:\n    model_size_mb: { max_value: 100 }\n  ci: { resamples: 200 }\n'
    ).replace('  champion: preds/champion.csv\n', '  champion: preds/champion.csv\n  model: model\n'),
    files: { 'model/config.json': '{}' },
    links: { 'model/weights.bin': '{OUTSIDE}/dir/weights.bin' },
    message:
      'model/weights.bin (inside model, from artifacts.model in .github/model-gate.yml) leads through a symbolic link to outside the workspace; model-gate reads only files inside the workspace or the temporary directory, so it did not open it; put the file inside the workspace instead of linking to it.'
  },
  {
    name: 'containment: a NUL character in a path',
    config: BASE_CONFIG.replace('preds/candidate.csv', '"preds/candidate.csv\\0.txt"'),
    message:
      '"preds/candidate.csv\\u0000.txt" (from artifacts.candidate in .github/model-gate.yml) contains a NUL character, which no file name can hold; fix the path.'
  },

  // ── Action inputs ────────────────────────────────────────────────────────────────────────────────────
  { name: 'input fail-on with an unknown value', inputs: { 'fail-on': 'always' }, actionOnly: true, message:
      'input fail-on must be one of never, fail, soft_fail, not "always"' },
  { name: 'input comment with a non-boolean value', inputs: { comment: 'maybe' }, actionOnly: true, message:
      'input comment must be true or false, not "maybe"' },
  { name: 'input comment-id with a slash', inputs: { 'comment-id': '../x' }, actionOnly: true, message:
      'input comment-id may use letters, digits, ".", "_" and "-" (at most 64), not "../x"' },
  {
    name: 'input champion-run-id without champion-artifact',
    inputs: { 'champion-run-id': '123' },
    actionOnly: true,
    message:
      'input champion-run-id needs champion-artifact, the name of the artifact to download from that run'
  },

  // ── Counts files (docs/counts.md) ────────────────────────────────────────────────────────────────────
  {
    name: 'counts: a count that is not a whole number',
    config: COUNTS_CONFIG,
    files: { [COUNTS]: 'label,champion_prediction,candidate_prediction,count\n1,1,1,12\n0,0,0,3.5\n' },
    message:
      'preds/counts.csv line 3, column "count": "3.5" is not a count; write a whole number of examples, 0 or more.',
    annotation: { file: COUNTS, line: 3 }
  },
  {
    name: 'counts: a metric that needs per-row scores',
    config: COUNTS_CONFIG.replace('primary_metric: f1', 'primary_metric: pr_auc'),
    files: { [COUNTS]: 'label,champion_prediction,candidate_prediction,count\n1,1,1,12\n' },
    message:
      `${F}:6:34: metric "pr_auc" at gates.performance.primary_metric needs each row's score, and artifacts.counts carries at most score bins, which feed only roc_auc (docs/counts.md); gate it on per-row predictions files, or use one of: accuracy, precision, recall, tpr, specificity, tnr, fpr, fnr, f1, balanced_accuracy, mcc, selection_rate, net_benefit, log_loss, brier, roc_auc`
  },
  {
    name: 'counts: roc_auc without the score bin columns',
    config: COUNTS_CONFIG.replace('primary_metric: f1', 'primary_metric: roc_auc'),
    files: { [COUNTS]: 'label,champion_prediction,candidate_prediction,count\n1,1,1,12\n' },
    message:
      'preds/counts.csv has no column "candidate_score_bin"; its columns are label, champion_prediction, candidate_prediction, count; ' +
      "roc_auc from a counts file needs each row's score bin of both models, candidate_score_bin and champion_score_bin " +
      '(write them as the recipes in docs/counts.md do: floor(score · bins) / bins).',
    annotation: { file: COUNTS }
  },
  {
    name: 'counts: a score bin that is not a number',
    config: COUNTS_CONFIG.replace('primary_metric: f1', 'primary_metric: roc_auc'),
    files: { [COUNTS]: 'label,candidate_score_bin,champion_score_bin,count\n1,0.9,0.8,12\n0,0.1,NaN,3\n' },
    message:
      'preds/counts.csv line 3, column "champion_score_bin": "NaN" is not a score bin; write the number that stands for the bin (the recipes write its lower edge).',
    annotation: { file: COUNTS, line: 3 }
  },
  {
    name: 'counts: a champion artifact to download as well',
    config: COUNTS_CONFIG,
    files: { [COUNTS]: 'label,champion_prediction,candidate_prediction,count\n1,1,1,12\n' },
    inputs: { 'champion-artifact': 'champion-predictions' },
    actionOnly: true,
    message:
      `${F} sets artifacts.counts, which holds both models, so there is no champion file to download; drop the champion-artifact input.`
  }
];

/** The candidate's rows as text. */
function candidateRows(): { id: string; label: string; score: string }[] {
  return predictionsCsv('candidate')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [id, label, score] = line.split(',');
      return { id: id!, label: label!, score: score! };
    });
}

/** A fixed shuffle: every third row first, then the rest backwards. */
function shuffled<T>(rows: T[]): T[] {
  const first = rows.filter((_, i) => i % 3 === 1);
  const rest = rows.filter((_, i) => i % 3 !== 1).reverse();
  return [...first, ...rest];
}

/** A note column that needs every kind of quoting. */
const note = (i: number) => `"said ""hi, there"", then${i % 2 ? '\nleft' : '\r\nleft'}"`;

/** Awkward but valid files: each must give exactly the report (checks and test set) of the plain files. */
export const AWKWARD: { name: string; config?: string; files: Record<string, string | Buffer>; links?: Record<string, string> }[] = [
  { name: 'UTF-8 byte order mark', files: { [CAND]: `\ufeff${predictionsCsv('candidate')}` } },
  { name: 'CRLF line ends', files: { [CAND]: predictionsCsv('candidate').replace(/\n/g, '\r\n') } },
  { name: 'no line end after the last row, blank lines between rows', files: { [CAND]: predictionsCsv('candidate').replace(/\n(r1\d)/g, '\n\n$1').trimEnd() } },
  {
    name: 'every field quoted, and a column with commas, doubled quotes and line breaks',
    files: {
      [CAND]: `"id","label","score","note"\n${candidateRows()
        .map((r, i) => `"${r.id}","${r.label}","${r.score}",${note(i)}`)
        .join('\n')}\n`
    }
  },
  {
    name: 'extra columns, in another order',
    files: { [CAND]: `extra,score,model,label,id\n${candidateRows().map((r, i) => `${i * 7},${r.score},m-${i},${r.label},${r.id}`).join('\n')}\n` }
  },
  { name: 'rows in another order', files: { [CAND]: `id,label,score\n${shuffled(candidateRows()).map((r) => `${r.id},${r.label},${r.score}`).join('\n')}\n` } },
  {
    name: 'labels and scores with spaces and other spellings of the same numbers (1.0, .725)',
    files: {
      [CAND]: `id,label,score\n${candidateRows()
        .map((r) => `${r.id}, ${r.label === '1' ? '1.0' : '+0'} , ${r.score.replace(/^0/, '')} `)
        .join('\n')}\n`
    }
  },
  {
    name: 'all of it at once: BOM, CRLF, quoting, extra columns, shuffled rows',
    files: {
      [CAND]: `\ufeffnote,"score",id,label,extra\r\n${shuffled(candidateRows().map((r, i) => ({ ...r, i })))
        .map((r) => `${note(r.i)},"${r.score}","${r.id}",${r.label},x`)
        .join('\r\n')}`
    }
  },
  {
    name: 'TSV with quoted tabs',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.tsv'),
    files: { 'preds/candidate.tsv': `id\tlabel\tscore\tnote\n${candidateRows().map((r) => `${r.id}\t${r.label}\t${r.score}\t"a\tb"`).join('\n')}\n` }
  },
  {
    name: 'JSON Lines with keys in any order, extra keys, numbers as text and a BOM',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.ndjson'),
    files: {
      'preds/candidate.ndjson': `\ufeff${shuffled(candidateRows())
        .map((r, i) => JSON.stringify(i % 2 ? { score: Number(r.score), meta: { a: [1] }, label: Number(r.label), id: r.id } : { id: r.id, label: r.label, score: r.score, x: null }))
        .join('\r\n')}\n`
    }
  },
  {
    name: 'gzip-compressed CSV',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/candidate.csv.gz'),
    files: { 'preds/candidate.csv.gz': gzipSync(predictionsCsv('candidate').replace(/\n/g, '\r\n')) }
  },
  {
    name: 'a symbolic link that stays inside the workspace',
    config: BASE_CONFIG.replace('preds/candidate.csv', 'latest/candidate.csv'),
    files: { 'build/run-7/candidate.csv': predictionsCsv('candidate') },
    links: { latest: 'build/run-7' }
  }
];

