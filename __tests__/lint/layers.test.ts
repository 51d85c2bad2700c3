/**
 * The layer rule of eslint/layers.js, run through ESLint as `npm run lint` runs it: a wrong-way import and an
 * import cycle each fail lint with a message that names them, and the tree as committed has neither.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers/run-action.js';

const eslint = new ESLint({ cwd: ROOT });

async function layerMessages(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId?.startsWith('layers/')).map((m) => `${m.ruleId}: ${m.message}`);
}

const source = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

test('an import up a layer fails lint, naming both layers', async () => {
  const text = `import { main } from '../action/main.js';\n${source('src/github/comment.ts')}`;
  // (action/main.ts imports github/comment.ts, so this also closes a cycle, reported on its own.)
  expect(await layerMessages('src/github/comment.ts', text)).toContainEqual(
    expect.stringMatching(/^layers\/imports-go-down: github\/ may not import action\/ \(\.\.\/action\/main\.js\): imports go down the layers/)
  );
});

test('action and cli sit side by side at the top: neither imports the other', async () => {
  const text = `import { main } from '../action/main.js';\n${source('src/cli/main.ts')}`;
  expect(await layerMessages('src/cli/main.ts', text)).toEqual([expect.stringContaining('cli/ may not import action/')]);
});

test('stats, the formulas, import nothing above base', async () => {
  const text = `import type { GateConfig } from '../config/types.js';\n${source('src/stats/quantile.ts')}`;
  expect(await layerMessages('src/stats/quantile.ts', text)).toEqual([expect.stringContaining('stats/ may not import config/')]);
});

test('an import that closes a cycle fails lint, with the cycle spelled out', async () => {
  // core/evaluate.ts imports core/report.ts; report importing evaluate back closes the loop.
  const text = `import type { EvaluateOptions } from './evaluate.js';\nexport type Options = EvaluateOptions;\n${source('src/core/report.ts')}`;
  expect(await layerMessages('src/core/report.ts', text)).toEqual([
    'layers/no-cycle: this import closes a cycle: core/report.ts → core/evaluate.ts → core/report.ts; move what the modules share into a module both import.'
  ]);
});

test('a source file outside the layer folders fails lint', async () => {
  expect(await layerMessages('src/helpers.ts', 'export const x = 1;\n')).toEqual([expect.stringContaining('src/helpers.ts is not inside a layer folder of src/')]);
});

test('the committed tree has no wrong-way import and no cycle', async () => {
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const problems = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('layers/')).map((m) => `${path.relative(ROOT, r.filePath)}: ${m.message}`));
  expect(problems).toEqual([]);
  expect(results.length).toBeGreaterThan(100);
}, 120_000);
