/**
 * Data text made inert for GitHub: after escaping, none of the patterns GitHub links in rendered text
 * (mentions, team mentions, issue/PR references, cross-repo references, GH-n, bare URLs, www., emails, commit
 * SHAs) matches any more, while the text reads the same once the zero-width spaces are removed.
 */
import { checkAnnotations } from '../../src/action/annotations.js';
import { logProgress } from '../../src/action/progress.js';
import { oneLine } from '../../src/render/log-line.js';
import { breakLinks, inert, inertCell, inertPlain, ZWSP } from '../../src/render/inert.js';
import { check, report } from './reports.js';

/** What GitHub turns into links in text nodes (approximations of its filters, deliberately broad). */
const LIVE: Record<string, RegExp> = {
  mention: /(^|[^\w])@[a-z0-9][a-z0-9-]*/i,
  reference: /(^|[^\w])#\d+/,
  crossRepo: /[\w.-]+\/[\w.-]+#\d+/,
  gh: /\bGH-\d+/i,
  url: /https?:\/\//i,
  www: /\bwww\./i,
  email: /[\w.+-]+@[\w-]+\.[\w.]+/,
  sha: /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/i
};

const SAMPLES = [
  '@octocat', '@org/team', '#12', 'owner/repo#5', 'acme/other-repo#5 GH-7', 'gh-12', 'https://evil.example/login',
  'http://x.y', 'www.evil.example', 'mail me: a.b@evil.example', 'commit 3f9a0c1e5b7d', 'fix (#3)', '@a@b#1#2'
];

test.each(SAMPLES)('%s: no live pattern left, same text without the breaks', (s) => {
  for (const out of [breakLinks(s), inertPlain(s)]) {
    for (const [name, re] of Object.entries(LIVE)) expect([name, re.test(out)]).toEqual([name, false]);
    expect(out.replaceAll(ZWSP, '')).toBe(s);
  }
  const md = inert(s);
  for (const re of Object.values(LIVE)) expect(re.test(md.replaceAll('&#64;', '@').replaceAll('\\#', '#'))).toBe(false);
});

test('plain numbers and words are left alone; long runs get a break so a cell can wrap', () => {
  expect(breakLinks('16777216 rows, region_eu west')).toBe('16777216 rows, region_eu west');
  const long = 'a_really_long_segment_name_without_any_spaces_at_all';
  expect(inert(long)).toBe(long); // outside a table: no breaks, the text stays copyable
  expect(inert('.github/model-gate.yml:4:3')).toBe('.github/model-gate.yml:4:3');
  const out = inertCell(long);
  expect(out.replaceAll(ZWSP, '').replaceAll('\\_', '_')).toBe(long); // an escaped _ renders as _
  expect(out.replaceAll('\\_', '_').split(ZWSP).every((part) => part.length <= 24)).toBe(true);
});

test('annotations carry the data inert', () => {
  const [a] = checkAnnotations(report([check({ gate: 'segments', segment: '@octocat #12', status: 'fail' })]));
  expect(a.message).toContain(`segments/@${ZWSP}octocat #${ZWSP}12/f1 fail`);
});

test('the summary output is one line whatever the message', () => {
  expect(oneLine('g.yml:1:1: a\nand 2 more problems:\n  g.yml:2:1: b\n  g.yml:3:1: c')).toBe('g.yml:1:1: a; and 2 more problems: g.yml:2:1: b; g.yml:3:1: c');
  expect(oneLine('pass: 3 of 3 checks passed')).toBe('pass: 3 of 3 checks passed');
});

test('the action logs each stage with the time the previous one took, and "still …" lines on a timer', () => {
  const lines: string[] = [];
  let t = 0;
  let tick: (() => void) | undefined;
  let stopped = false;
  const p = logProgress((l) => lines.push(l), () => t, (fn) => ((tick = fn), () => void (stopped = true)));
  p.progress('reading the config g.yml');
  t = 1500;
  p.progress('reading the candidate predictions a\nb.csv');
  t = 31500;
  tick!();
  t = 61500;
  p.progress('evaluating (10000 resamples per bootstrapped check)');
  p.stop();
  expect(stopped).toBe(true);
  expect(lines).toEqual([
    'model-gate: reading the config g.yml',
    'model-gate: reading the candidate predictions a b.csv (previous step 1.5 s)',
    'model-gate: still reading the candidate predictions a b.csv (30.0 s so far)',
    'model-gate: evaluating (10000 resamples per bootstrapped check) (previous step 60.0 s)'
  ]);
});
