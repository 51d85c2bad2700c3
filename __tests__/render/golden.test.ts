/**
 * Golden files: what a reviewer sees for each case, compared byte for byte, so any change to the comment, the
 * job summary or the terminal table shows up in review as a diff of __tests__/render/golden/. Regenerate with
 * `npm run golden:render` (UPDATE_GOLDEN=1) after an intended change, and read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMENT_LIMIT, renderErrorMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { everyFamily, failingBinary, hostile, huge, waived } from './reports.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const MARKER = '<!-- model-gate:default -->';
const RUN = 'https://github.com/acme/churn-model/actions/runs/1234';
const comment = (r: Parameters<typeof renderMarkdown>[0]) => renderMarkdown(r, { maxLength: COMMENT_LIMIT, header: MARKER, runUrl: RUN });

export const CASES: Record<string, () => string> = {
  'failing-binary.md': () => comment(failingBinary()),
  'every-family.md': () => comment(everyFamily()),
  'hostile.md': () => comment(hostile()),
  'waived.md': () => comment(waived()),
  'huge.md': () => renderMarkdown(huge(), { maxLength: 20000, header: MARKER, runUrl: RUN, fullListAt: 'the job summary of this run and the artifact gate-report' }),
  'error.md': () =>
    renderErrorMarkdown(
      '.github/model-gate.yml:4:3: gates.performance.checks[0].comparison.margin must be a number; found "1%" (write 0.01 for 1%)\n' +
        'and 2 more problems:\n  .github/model-gate.yml:9:5: unknown metric "f2" at gates.performance.checks[1].metric; did you mean "f1"?\n' +
        '  .github/model-gate.yml:12:1: unknown key "polcy"; did you mean "policy"?',
      { maxLength: COMMENT_LIMIT, header: MARKER, runUrl: RUN }
    ),
  'every-family.txt': () => renderText(everyFamily(), { width: 100 }),
  'failing-binary-80.txt': () => renderText(failingBinary(), { width: 80 })
};

describe.each(Object.keys(CASES))('%s', (name) => {
  test('matches its golden file byte for byte', () => {
    const file = join(DIR, name);
    const got = CASES[name]();
    if (UPDATE) writeFileSync(file, got);
    expect(existsSync(file)).toBe(true);
    expect(got).toBe(readFileSync(file, 'utf8'));
  });
});
