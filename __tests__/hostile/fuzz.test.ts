/**
 * Property-based tests (fast-check, fixed seed, bounded runs) for issue 7:
 * - random and CSV/JSONL-shaped bytes never crash the readers: every error is a GateError;
 * - random and config-shaped YAML never crashes the config loader or a whole gate run: only GateErrors;
 * - the engine's invariants on random paired binary data: swapping candidate and champion negates Δ and
 *   mirrors the interval (exactly for DeLong and the paired normal interval, within Monte Carlo error for the
 *   cells bootstrap), reordering rows changes nothing, normal intervals contain the point estimate, and the
 *   same inputs give the same report.
 *
 * FUZZ_SEED and FUZZ_RUNS override the seed and the number of runs (e.g. FUZZ_RUNS=5000 for a long local run).
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import { stringify } from 'yaml';
import { firstInvalidUtf8, parseConfig } from '../../src/config/load.js';
import { DEFAULT_COLUMNS } from '../../src/config/types.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { evaluate } from '../../src/core/evaluate.js';
import type { CheckResult, Report } from '../../src/core/report.js';
import { isGateError } from '../../src/base/errors.js';
import { runGate } from '../../src/gate/run.js';
import { alignPredictions } from '../../src/readers/align.js';
import { readPredictions } from '../../src/readers/predictions.js';
import { readTable } from '../../src/readers/table.js';
import { jsonSyntaxReason } from '../../src/readers/json-reason.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const RUNS = (n: number) => Number(process.env.FUZZ_RUNS ?? n);
const params = (numRuns: number) => ({ seed: SEED, numRuns: RUNS(numRuns), endOnFailure: true });
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** Throws unless `e` is a GateError: the property's way of saying "a clear error, not a crash". */
function onlyGateErrors(e: unknown): void {
  if (!isGateError(e)) throw e;
  // Clear sentences: no stack, no line of unbounded length (a config with many problems lists up to 20).
  const lines = e.message.split('\n');
  expect(lines.length).toBeLessThanOrEqual(25);
  for (const line of lines) expect(line.length).toBeLessThan(600);
  expect(e.message).not.toMatch(/\n\s+at /);
}

const dir = mkdtempSync(path.join(tmpdir(), 'mg-fuzz-'));
let fileNo = 0;
function tempFile(ext: string, content: string | Uint8Array): string {
  const file = path.join(dir, `f${fileNo++}${ext}`);
  writeFileSync(file, content);
  return file;
}

// ── Table-shaped text ──────────────────────────────────────────────────────────────────────────────────
const CELL = fc.oneof(
  fc.constantFrom('', '0', '1', '0.5', '-1', '2', '1e999', '-1e-320', 'NaN', 'inf', '-Infinity', '0x1', ' 1 ', '1.0', 'true', 'FALSE', 'yes'),
  fc.constantFrom('"', '""', '"a,b"', '"x""y"', '"\n"', '"\r\n"', 'a"b', '\ufeff', '\u0000', '\ufffd', '\t', 'r1', 'r2', 'id'),
  fc.string({ maxLength: 6 }),
  fc.double().map(String)
);
const HEADER_NAME = fc.constantFrom('id', 'label', 'score', 'prediction', 'segment', 'device', 'ID', '', ' id ', 'x', '"id"', '"la,bel"');
const LINE_END = fc.constantFrom('\n', '\r\n', '\r', '\n\n');

const csvText = (delimiter: string) =>
  fc
    .tuple(
      fc.boolean(),
      fc.array(HEADER_NAME, { minLength: 0, maxLength: 6 }),
      fc.array(fc.array(CELL, { minLength: 0, maxLength: 7 }), { maxLength: 12 }),
      LINE_END,
      fc.boolean()
    )
    .map(([bom, header, rows, end, finalEnd]) => {
      const lines = [header.join(delimiter), ...rows.map((r) => r.join(delimiter))];
      return (bom ? '\ufeff' : '') + lines.join(end) + (finalEnd ? end : '');
    });

const JSON_VALUE = fc.oneof(
  fc.constantFrom(0, 1, 0.5, -1, 1e308, true, false, null, '', '1', '0', 'r1', 'NaN'),
  fc.jsonValue({ maxDepth: 2 })
);
const jsonlText = fc
  .array(
    fc.oneof(
      fc
        .dictionary(fc.constantFrom('id', 'label', 'score', 'prediction', 'segment', 'x', '__proto__', 'constructor'), JSON_VALUE, {
          maxKeys: 6
        })
        .map((o) => JSON.stringify(o)),
      fc.constantFrom('', ' ', '[1,2]', 'null', '"text"', '{"id": 1,}', '{', '}', '\u0000', '{"id":"a"} x'),
      fc.string({ maxLength: 12 })
    ),
    { maxLength: 12 }
  )
  .map((lines) => lines.join('\n'));

/** Random bytes, table-shaped text, or table-shaped text with a few bytes flipped. */
const fileContent = (text: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    text.map((t) => Buffer.from(t, 'utf8')),
    fc.tuple(text, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 })).map(([t, flips]) => {
      const b = Buffer.from(t, 'utf8');
      for (const [at, byte] of flips) if (b.length) b[at % b.length] = byte;
      return b;
    })
  );

const readerOptions = fc.record({
  score: fc.constantFrom('none', 'finite', 'probability') as fc.Arbitrary<'none' | 'finite' | 'probability'>,
  needPrediction: fc.boolean(),
  positiveLabel: fc.constantFrom('1', 'true', 'yes', '0'),
  extraColumns: fc.subarray(['segment', 'device']),
  highWaterMark: fc.integer({ min: 1, max: 64 }),
  gzip: fc.boolean()
});

/** Reads `content` as a predictions file twice (as candidate and champion) and aligns them. */
async function readAndAlign(content: Uint8Array, ext: string, o: ValueOf<typeof readerOptions>): Promise<void> {
  const file = tempFile(ext + (o.gzip ? '.gz' : ''), o.gzip ? gzipSync(content) : content);
  const opts = {
    displayPath: `p${ext}`,
    columns: DEFAULT_COLUMNS,
    threshold: 0.5,
    positiveLabel: o.positiveLabel,
    score: o.score,
    needPrediction: o.needPrediction,
    extraColumns: o.extraColumns,
    highWaterMark: o.highWaterMark
  };
  const a = await readPredictions(file, opts);
  const b = await readPredictions(file, { ...opts, extraColumns: [] });
  const paired = alignPredictions(a, b);
  expect(paired.n).toBe(a.n);
  expect(paired.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
}

describe('the readers never crash: every error is a GateError', () => {
  test.each([
    ['.csv', csvText(',')],
    ['.tsv', csvText('\t')],
    ['.jsonl', jsonlText]
  ])('random %s files', async (ext, text) => {
    await fc.assert(
      fc.asyncProperty(fileContent(text), readerOptions, async (content, o) => {
        await readAndAlign(content, ext, o).catch(onlyGateErrors);
      }),
      params(300)
    );
  }, 60_000);

  test('random tables through readTable (the data gate reader)', async () => {
    await fc.assert(
      fc.asyncProperty(fileContent(csvText(',')), fc.subarray(['id', 'label', 'x', 'device']), async (content, columns) => {
        await readTable(tempFile('.csv', content), { displayPath: 't.csv', columns }).catch(onlyGateErrors);
      }),
      params(200)
    );
  });

  test("JSON parse errors never quote the text (V8's excerpt is dropped)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (s) => {
        const text = `SECRET${s}`;
        try {
          JSON.parse(text);
        } catch (e) {
          const { reason } = jsonSyntaxReason((e as Error).message);
          expect(reason).not.toContain('SECRET');
          expect(reason.length).toBeLessThanOrEqual(80);
        }
      }),
      params(300)
    );
  });
});

// ── Config-shaped YAML ──────────────────────────────────────────────────────────────────────────────────
const SCALAR = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 0.95, 42, 1e9, 2.5, true, false, null, '', 'f1', 'roc_auc', 'log_loss', 'rmse', 'champion'),
  fc.constantFrom('binary', 'multiclass', 'regression', 'auto', 'bootstrap', 'analytic', 'superior', 'strictly_better', 'x'),
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: false })
);
const METRIC = fc.constantFrom('f1', 'accuracy', 'roc_auc', 'log_loss', 'brier', 'recall', 'tpr', 'mcc', 'pr_auc', 'ece', 'selection_rate', 'rmse', 'macro_f1', 'nope');
const CHECK = fc.record(
  {
    metric: METRIC,
    primary_metric: METRIC,
    absolute_drop_allowed: fc.oneof(fc.constantFrom(0, 0.01, 0.05), SCALAR),
    relative_drop_allowed: fc.constantFrom(0.01, -1, 'x'),
    rule: fc.constantFrom('superior', 'strictly_better', 'non_inferior', 'x'),
    min_value: fc.constantFrom(0, 0.5, 1, 'x'),
    max_value: fc.constantFrom(0.5, 1),
    compare_to: fc.constantFrom('champion', 'x'),
    name: fc.constantFrom('mobile', 'desktop', 'new', ''),
    where: fc.constantFrom({ device: ['ios', 'android'] }, { device: 'desktop' }, { nope: 'x' }, 'x'),
    min_samples: fc.constantFrom(0, 5, 1000)
  },
  { requiredKeys: [] }
);
const configObject = fc.record(
  {
    version: fc.oneof(fc.constant(1), SCALAR),
    task: fc.oneof(fc.constant('binary'), SCALAR),
    artifacts: fc.oneof(
      fc.constant({ candidate: 'c.csv', champion: 'p.csv' }),
      fc.constant({ candidate: 'c.csv' }),
      fc.constant({ candidate: '../c.csv', champion: '/etc/passwd' }),
      fc.dictionary(fc.constantFrom('candidate', 'champion', 'model', 'cost', 'x'), SCALAR, { maxKeys: 3 })
    ),
    columns: fc.dictionary(fc.constantFrom('id', 'label', 'score', 'prediction', 'segment', 'x'), fc.constantFrom('id', 'label', 'score', 'device', 'nope', ''), { maxKeys: 3 }),
    threshold: fc.oneof(fc.constant(0.5), SCALAR),
    positive_label: fc.oneof(fc.constant(1), SCALAR),
    gates: fc.record(
      {
        performance: fc.oneof(CHECK, fc.tuple(CHECK, fc.array(CHECK, { maxLength: 3 })).map(([c, metrics]) => ({ ...c, metrics }))),
        segments: fc.array(CHECK, { maxLength: 2 }),
        fairness: fc.record({ metric: METRIC, groups: fc.constantFrom(['device'], ['nope'], 'device'), max_group_gap: fc.constantFrom(0.1, 'x') }, { requiredKeys: [] }),
        ci: fc.record(
          {
            method: fc.constantFrom('auto', 'bootstrap', 'analytic', 'x'),
            confidence_level: fc.constantFrom(0.9, 0.95, 1, 95),
            resamples: fc.constantFrom(1, 50, 200, 0, -5, 1.5),
            seed: fc.oneof(fc.integer(), fc.constant('x')),
            min_eval_samples: fc.constantFrom(0, 10, 100000)
          },
          { requiredKeys: [] }
        ),
        x: SCALAR
      },
      { requiredKeys: [] }
    ),
    policy: fc.record(
      {
        hard_fail: fc.subarray(['performance', 'segments', 'fairness', 'x']),
        soft_fail: fc.subarray(['performance', 'segments']),
        require_manual_approval_on_soft_fail: fc.boolean(),
        waiver_label: fc.constantFrom('waive', '')
      },
      { requiredKeys: [] }
    ),
    thresholds: SCALAR
  },
  { requiredKeys: ['gates'] }
);
/** A config-shaped YAML text, sometimes with a few characters inserted or deleted. */
const configText = fc.oneof(
  { weight: 4, arbitrary: configObject.map((o) => stringify(o)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(configObject.map((o) => stringify(o, { collectionStyle: 'flow' })), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ':', '-', '[', '{', '&a', '*a', '!!', '\t', '\n', '"', "'", '#', '?', '|', '>', '\u0000')), { maxLength: 3 }))
      .map(([t, edits]) => edits.reduce((s, [at, ins]) => s.slice(0, at % (s.length + 1)) + ins + s.slice((at % (s.length + 1)) + (ins ? 0 : 1)), t))
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('utf8')) }
);

/** Usually the valid value, sometimes anything: configs that mostly pass validation and reach the engine. */
/** `odd` one time in ten, else one of `usual`. */
const rarely = <T>(odd: T, ...usual: T[]) => fc.oneof({ weight: 1, arbitrary: fc.constant(odd) }, { weight: 9, arbitrary: fc.constantFrom(...usual) });
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: SCALAR });
const BINARY = ['f1', 'accuracy', 'precision', 'recall', 'specificity', 'fpr', 'mcc', 'balanced_accuracy', 'roc_auc', 'pr_auc', 'log_loss', 'brier', 'ece'];
const validCheck = fc
  .tuple(
    fc.constantFrom(...BINARY),
    fc.oneof(
      fc.record({ absolute_drop_allowed: fc.constantFrom(0, 0.01, 0.2) }),
      fc.record({ relative_drop_allowed: fc.constantFrom(0.01, 0.5) }),
      fc.record({ rule: fc.constantFrom('superior', 'strictly_better') }),
      fc.record({ min_value: fc.constantFrom(0, 0.3, 0.9) })
    )
  )
  .map(([metric, rule]) => ({ metric, ...rule }));
const validishConfig = fc.record(
  {
    version: mostly(fc.constant(1)),
    task: mostly(fc.constant('binary')),
    artifacts: mostly(
      fc
        .tuple(
          fc.constantFrom({ candidate: 'c.csv', champion: 'p.csv' }, { candidate: 'c.csv' }),
          fc.record(
            {
              operations: rarely('ops/random.json', 'ops/samples.json', 'ops/summary.json', 'ops/k6.json'),
              champion_operations: rarely('ops/random.json', 'ops/summary.json'),
              model: fc.constantFrom('model', 'model/weights.bin', 'c.csv'),
              data: rarely({ reference: 'data/ref.csv', current: 'data/random.csv' }, { reference: 'data/ref.csv', current: 'data/cur.jsonl' }),
              cost: rarely('cost/random.json', 'cost/a.json'),
              champion_cost: rarely('cost/random.json', 'cost/b.json')
            },
            // Mostly every artifact, so that whichever families a config checks find theirs.
            { requiredKeys: ['operations', 'model', 'data', 'cost'] }
          )
        )
        .map(([predictions, families]) => ({ ...predictions, ...families }))
    ),
    threshold: mostly(fc.constantFrom(0.5, 0.3, 0, 1)),
    positive_label: mostly(fc.constantFrom(1, 0, '1')),
    gates: fc.record(
      {
        performance: mostly(
          fc.tuple(validCheck, fc.array(validCheck, { maxLength: 3 })).map(([{ metric, ...rule }, more]) => {
            const metrics = more.filter((c, i) => c.metric !== metric && more.findIndex((d) => d.metric === c.metric) === i);
            return { primary_metric: metric, ...rule, ...(metrics.length ? { metrics } : {}) };
          })
        ),
        segments: mostly(
          fc.array(
            fc.tuple(validCheck, fc.constantFrom('mobile', 'desktop', 'new'), fc.option(fc.constantFrom({ device: ['ios', 'android'] }, { device: 'desktop' }), { nil: undefined }), fc.option(fc.constantFrom(0, 5, 100), { nil: undefined })).map(
              ([check, name, where, minSamples]) => ({
                // A named segment selects its rows by columns.segment; one with `where` gets a name of its own.
                name: where ? `${name}-by-device` : name,
                ...check,
                ...(where ? { where } : {}),
                ...(minSamples !== undefined ? { min_samples: minSamples } : {})
              })
            ),
            { minLength: 1, maxLength: 2 }
          ).map((segments) => segments.filter((x, i) => segments.findIndex((y) => y.name === x.name) === i))
        ),
        fairness: mostly(
          fc.record({ metric: fc.constantFrom('tpr', 'fpr', 'selection_rate', 'accuracy', 'precision'), groups: fc.constant(['device']), max_group_gap: fc.constantFrom(0.05, 0.5), min_group_samples: fc.constantFrom(0, 5, 100), max_gap_increase: fc.constantFrom(0.05, 0.2) }, { requiredKeys: ['metric', 'groups', 'max_group_gap'] })
        ),
        operations: mostly(
          fc.record(
            {
              latency_p95_ms: fc.constantFrom({ max_value: 250 }, { max_value: 250, max_relative_increase: 0.1 }, { max_relative_increase: 0 }),
              latency_p99_ms: fc.constant({ max_value: 800 }),
              error_rate: fc.constantFrom({ max_value: 0.01 }, { max_value: 0.01, upper_confidence_bound: true }),
              model_size_mb: fc.constantFrom({ max_value: 1 }, { max_value: 0 }),
              min_requests: fc.constantFrom(0, 100, 1e9)
            },
            { requiredKeys: [] }
          )
        ),
        data: mostly(
          fc.record(
            {
              missingness_max: fc.constantFrom(0, 0.1),
              drift_psi_max: fc.constantFrom(0.2, 0),
              ignore_columns: fc.constantFrom(['id'], [], ['nope']),
              schema: fc.constantFrom(
                { from_reference: true },
                { columns: { age: { type: 'number', min: 0, max: 120 }, country: { allowed: ['us', 'de'] }, x: { type: 'string', required: false } } },
                { from_reference: false, columns: { age: { type: 'integer' } } }
              )
            },
            { requiredKeys: [] }
          )
        ),
        cost: mostly(fc.constantFrom({ max_cost_per_useful_outcome: 0.5 }, { max_relative_increase: 0.05 }, { max_cost_per_useful_outcome: 0, max_relative_increase: 0 })),
        ci: mostly(
          fc.record(
            {
              method: fc.constantFrom('auto', 'bootstrap', 'analytic'),
              confidence_level: fc.constantFrom(0.8, 0.95, 0.999),
              resamples: fc.constantFrom(1, 2, 50, 200),
              seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
              min_eval_samples: fc.constantFrom(0, 10, 100000)
            },
            { requiredKeys: [] }
          )
        )
      },
      { requiredKeys: [] }
    ),
    policy: mostly(
      fc
        .tuple(
          fc.array(fc.constantFrom('hard', 'soft', 'default'), { minLength: 6, maxLength: 6 }),
          fc.boolean(),
          fc.boolean()
        )
        .map(([where, approval, waiver]) => {
          const families = ['performance', 'segments', 'fairness', 'operations', 'data', 'cost'];
          return {
            hard_fail: families.filter((_, i) => where[i] === 'hard'),
            soft_fail: families.filter((_, i) => where[i] === 'soft'),
            require_manual_approval_on_soft_fail: approval,
            ...(waiver ? { waiver_label: 'waive' } : {})
          };
        })
    )
  },
  { requiredKeys: ['version', 'task', 'artifacts', 'gates'] }
);

/** A workspace whose predictions suit most configs: a device column for segments and groups. */
function fuzzWorkspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-fuzz-ws-'));
  mkdirSync(path.join(ws, 'w'));
  const rows = (shift: number) =>
    'id,label,score,prediction,device,segment\n' +
    Array.from({ length: 40 }, (_, i) => {
      const label = i % 3 === 0 ? 1 : 0;
      const score = ((i * 7 + shift) % 20) / 20;
      return `r${i},${label},${score},${score >= 0.5 ? 1 : 0},${['ios', 'android', 'desktop'][i % 3]},${['mobile', 'desktop', 'new'][i % 3]}`;
    }).join('\n');
  writeFileSync(path.join(ws, 'c.csv'), rows(3));
  writeFileSync(path.join(ws, 'p.csv'), rows(5));
  const put = (name: string, content: string) => {
    mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
    writeFileSync(path.join(ws, name), content);
  };
  put('ops/samples.json', JSON.stringify({ latency_ms: Array.from({ length: 200 }, (_, i) => 50 + (i % 37) * 7), requests: 200, errors: 1 }));
  put('ops/summary.json', JSON.stringify({ latency_p95_ms: 210, latency_p99_ms: 700, error_rate: 0.002, requests: 5000 }));
  put('ops/k6.json', JSON.stringify({ metrics: { http_req_duration: { med: 80, 'p(95)': 200, 'p(99)': 600 }, http_reqs: { count: 3000 }, http_req_failed: { passes: 3, fails: 2997 } } }));
  put('model/weights.bin', 'x'.repeat(5000));
  put('model/sub/config.json', '{}');
  put('data/ref.csv', 'id,age,country,score\n' + Array.from({ length: 60 }, (_, i) => `${i},${20 + (i % 50)},${['us', 'de', 'fr'][i % 3]},${(i % 10) / 10}`).join('\n'));
  put('data/cur.jsonl', Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, age: i % 7 ? 25 + (i % 60) : null, country: ['us', 'de', 'NA', 'br'][i % 4], score: i % 5 ? i / 50 : 'NaN' })).join('\n'));
  put('cost/a.json', JSON.stringify({ inference_cost: 10, infra_cost: 5, storage_cost: 1, retraining_cost: 2, human_ops_cost: 0, success_count: 40 }));
  put('cost/b.json', JSON.stringify({ inference_cost: 9, infra_cost: 5, storage_cost: 1, retraining_cost: 2, human_ops_cost: 0, success_count: 0 }));
  return ws;
}

/** Random content for the family artifacts the configs may name (`ops/random.json`, …). */
const familyFiles = fc.record({
  ops: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          latency_ms: fc.array(fc.oneof(fc.double(), fc.constant(null), fc.constant('1')), { maxLength: 20 }),
          requests: fc.oneof(fc.nat(), fc.double(), fc.constant(-1)),
          errors: fc.oneof(fc.nat(), fc.double()),
          latency_p95_ms: fc.double(),
          latency_p99_ms: fc.double(),
          error_rate: fc.double(),
          metrics: fc.constantFrom({}, { http_req_duration: { 'p(95)': 'x' } }, { http_reqs: { count: -5 }, http_req_failed: { passes: 10 } })
        },
        { requiredKeys: [] }
      )
      .map((o) => JSON.stringify(o)),
    fc.string({ maxLength: 20 })
  ),
  cost: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          inference_cost: fc.oneof(fc.double(), fc.constant('1')),
          infra_cost: fc.double(),
          storage_cost: fc.double(),
          retraining_cost: fc.double(),
          human_ops_cost: fc.double(),
          success_count: fc.oneof(fc.nat(), fc.double(), fc.constant(-1))
        },
        { requiredKeys: [] }
      )
      .map((o) => JSON.stringify(o))
  ),
  table: fileContent(csvText(','))
});

describe('the config loader and a whole gate run never crash: every error is a GateError', () => {
  test('random config text through parseConfig', () => {
    fc.assert(
      fc.property(configText, (text) => {
        try {
          parseConfig(text, 'gate.yml');
        } catch (e) {
          onlyGateErrors(e);
        }
      }),
      params(200)
    );
  });

  test('random configs and artifacts through runGate (config → containment → readers → engine, every family)', async () => {
    const ws = fuzzWorkspace();
    let evaluated = 0;
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: validishConfig.map((o) => stringify(o)) }, { weight: 1, arbitrary: configText }), familyFiles, async (text, files) => {
        writeFileSync(path.join(ws, 'w', 'gate.yml'), text);
        writeFileSync(path.join(ws, 'ops', 'random.json'), files.ops);
        writeFileSync(path.join(ws, 'cost', 'random.json'), files.cost);
        writeFileSync(path.join(ws, 'data', 'random.csv'), files.table);
        try {
          const { report } = await runGate({
            workspace: ws,
            tempDir: path.join(ws, 'w'),
            config: 'w/gate.yml',
            origins: { candidate: '--candidate', champion: '--champion', config: '--config' },
            generatedAt: 'T',
            source: { repository: null, commit: null, ref: null, run_id: null, run_attempt: null }
          });
          evaluated++;
          expect(['pass', 'soft_fail', 'fail']).toContain(report.gate_result);
          expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
        } catch (e) {
          onlyGateErrors(e);
          // With FUZZ_RUNS set, a tally of the errors shows what the generators reach.
          const kind = String((e as Error).message).replace(/[\d.]+/g, '#').slice(0, 90);
          seen.set(kind, (seen.get(kind) ?? 0) + 1);
        }
      }),
      params(100)
    );
    if (process.env.FUZZ_RUNS) process.stdout.write([...seen].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([m, k]) => `${k} ${m}`).join('\n') + '\n');
    if (process.env.FUZZ_RUNS) process.stdout.write(`runGate fuzz: ${evaluated} of ${RUNS(100)} configs evaluated\n`);
    // The generator must reach the engine, not only the config errors.
    expect(evaluated).toBeGreaterThan(RUNS(100) / 5);
  }, 60_000);

  test('firstInvalidUtf8 agrees with node on random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }).map((s) => Buffer.from(s, 'utf8'))), (b) => {
        const bad = firstInvalidUtf8(b);
        expect(bad < 0).toBe(isUtf8(b));
        if (bad >= 0) expect(isUtf8(b.subarray(0, bad))).toBe(true);
      }),
      params(1000)
    );
  });
});

// ── Engine invariants ────────────────────────────────────────────────────────────────────────────────────
const ROW = fc.record({
  label: fc.integer({ min: 0, max: 1 }),
  cand: fc.integer({ min: 0, max: 20 }),
  champ: fc.integer({ min: 0, max: 20 })
});
const pairedRows = fc.array(ROW, { minLength: 8, maxLength: 150 });

function pairedData(rows: readonly ValueOf<typeof ROW>[]): PairedData {
  const n = rows.length;
  const model = (key: 'cand' | 'champ', file: string) => {
    const score = Float64Array.from(rows, (r) => r[key] / 20);
    return { file, score, prediction: Uint8Array.from(score, (s) => (s >= 0.5 ? 1 : 0)) };
  };
  return {
    n,
    label: Uint8Array.from(rows, (r) => r.label),
    candidate: model('cand', 'c.csv'),
    champion: model('champ', 'p.csv'),
    extra: {},
    fingerprint: 'sha256:fuzz'
  };
}

function swapped(d: PairedData): PairedData {
  return { ...d, candidate: { ...d.champion!, file: d.candidate.file }, champion: { ...d.candidate, file: d.champion!.file } };
}

const EXACT = ['roc_auc', 'log_loss', 'brier'];
const BOOTSTRAP = ['f1', 'accuracy', 'mcc', 'precision'];
const invariantConfig = (seed: number) =>
  parseConfig(
    `version: 1
task: binary
gates:
  performance:
    primary_metric: roc_auc
    absolute_drop_allowed: 0.05
    metrics:
${[...EXACT.slice(1), ...BOOTSTRAP].map((m) => `      - { metric: ${m}, absolute_drop_allowed: 0.05 }`).join('\n')}
  ci: { resamples: 500, seed: ${seed}, min_eval_samples: 0 }
`,
    'gate.yml'
  );

const run = (d: PairedData, seed: number): Report => evaluate(invariantConfig(seed), d, { generatedAt: 'T' });
const comparison = (r: Report, metric: string): CheckResult => r.checks.find((c) => c.metric === metric && c.rule === 'non_inferior')!;
const SEEDS = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('engine invariants on random paired binary data', () => {
  test('swapping candidate and champion negates Δ and mirrors the interval: exactly for DeLong and paired-normal', () => {
    fc.assert(
      fc.property(pairedRows, SEEDS, (rows, seed) => {
        const d = pairedData(rows);
        const a = run(d, seed);
        const b = run(swapped(d), seed);
        for (const metric of EXACT) {
          const x = comparison(a, metric);
          const y = comparison(b, metric);
          expect(y.status === 'inconclusive').toBe(x.status === 'inconclusive');
          if (x.delta === null) continue;
          expect(y.candidate).toBe(x.champion);
          expect(y.champion).toBe(x.candidate);
          expect(Math.abs(y.delta! + x.delta)).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(y.ci_low! + x.ci_high!)).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(y.ci_high! + x.ci_low!)).toBeLessThanOrEqual(1e-12);
          expect(y.ci_method).toBe(x.ci_method);
        }
      }),
      params(80)
    );
  }, 60_000);

  test('… and within Monte Carlo error for the cells bootstrap (its draws are not symmetric in the two models)', () => {
    fc.assert(
      fc.property(pairedRows, SEEDS, (rows, seed) => {
        const d = pairedData(rows);
        const a = run(d, seed);
        const b = run(swapped(d), seed);
        for (const metric of BOOTSTRAP) {
          const x = comparison(a, metric);
          const y = comparison(b, metric);
          if (x.delta === null || x.ci_low === null) continue;
          expect(Math.abs(y.delta! + x.delta)).toBeLessThanOrEqual(1e-12);
          // Two independent percentile estimates from 500 resamples each differ by about 0.1 of the interval's
          // width (sd); allow 3 sd, plus steps of the statistic's lattice (a count of 1 in n moves accuracy by
          // 1/n; f1 and mcc by about 2/n).
          const tol = 0.3 * (x.ci_high! - x.ci_low!) + 4 / d.n + 1e-12;
          expect(Math.abs(y.ci_low! + x.ci_high!)).toBeLessThanOrEqual(tol);
          expect(Math.abs(y.ci_high! + x.ci_low!)).toBeLessThanOrEqual(tol);
        }
      }),
      params(60)
    );
  }, 60_000);

  test('reordering the rows of either file changes nothing: the same report, byte for byte (files → runGate)', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'mg-fuzz-order-'));
    const config = `version: 1
task: binary
artifacts: { candidate: c.csv, champion: p.csv }
gates:
  performance:
    primary_metric: roc_auc
    absolute_drop_allowed: 0.05
    metrics:
${['log_loss', 'f1', 'pr_auc', 'ece'].map((m) => `      - { metric: ${m}, absolute_drop_allowed: 0.05 }`).join('\n')}
  ci: { resamples: 300 }
`;
    writeFileSync(path.join(ws, 'gate.yml'), config);
    const csv = (rows: readonly ValueOf<typeof ROW>[], ids: readonly number[], key: 'cand' | 'champ') =>
      `id,label,score\n${ids.map((i) => `r${i},${rows[i]!.label},${rows[i]![key] / 20}`).join('\n')}\n`;
    const gate = async () => {
      try {
        const { report } = await runGate({
          workspace: ws,
          tempDir: ws,
          config: 'gate.yml',
          origins: { candidate: '--candidate', champion: '--champion', config: '--config' },
          generatedAt: 'T',
          source: { repository: null, commit: null, ref: null, run_id: null, run_attempt: null }
        });
        // release_id digests the files, whose bytes differ; everything computed from them must not.
        return JSON.stringify({ ...report, release_id: undefined });
      } catch (e) {
        // Labels of one class only: the same error whatever the order.
        if (isGateError(e)) return `error: ${e.message}`;
        throw e;
      }
    };
    const permutation = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
    await fc.assert(
      fc.asyncProperty(
        pairedRows.chain((rows) => fc.tuple(fc.constant(rows), permutation(rows.length), permutation(rows.length))),
        async ([rows, order1, order2]) => {
          const identity = [...rows.keys()];
          writeFileSync(path.join(ws, 'c.csv'), csv(rows, identity, 'cand'));
          writeFileSync(path.join(ws, 'p.csv'), csv(rows, identity, 'champ'));
          const a = await gate();
          writeFileSync(path.join(ws, 'c.csv'), csv(rows, order1, 'cand'));
          writeFileSync(path.join(ws, 'p.csv'), csv(rows, order2, 'champ'));
          expect(await gate()).toBe(a);
        }
      ),
      params(60)
    );
  }, 60_000);

  test('intervals contain the point estimate: always for normal ones, nearly always for percentile bootstraps', () => {
    // Δ ± z·se contains Δ by construction; a percentile interval need not (a skewed bootstrap distribution can
    // leave the estimate outside), so for those only a rate is checked.
    let bootstrap = 0;
    let outside = 0;
    fc.assert(
      fc.property(pairedRows, SEEDS, (rows, seed) => {
        const r = run(pairedData(rows), seed);
        for (const c of r.checks) {
          if (c.ci_low === null || c.ci_high === null || c.delta === null) continue;
          expect(c.ci_low).toBeLessThanOrEqual(c.ci_high);
          const inside = c.ci_low <= c.delta && c.delta <= c.ci_high;
          if (c.ci_method === 'delong' || c.ci_method === 'paired-normal') {
            expect(inside).toBe(true);
          } else {
            bootstrap++;
            if (!inside) outside++;
          }
        }
      }),
      params(100)
    );
    expect(bootstrap).toBeGreaterThan(0);
    expect(outside / bootstrap).toBeLessThan(0.01);
  }, 60_000);

  test('the same inputs give the same verdict and report on reruns', () => {
    fc.assert(
      fc.property(pairedRows, SEEDS, (rows, seed) => {
        const a = run(pairedData(rows), seed);
        const b = run(pairedData(rows), seed);
        expect(b).toEqual(a);
      }),
      params(60)
    );
  }, 60_000);
});
