/// <reference lib="dom" />
/**
 * The comment as a reviewer sees it: rendered like GitHub (GFM, GitHub's sanitizer, github-markdown-css) in
 * headless Chromium at the 840 px comment column. No table may scroll sideways, and no value from data may
 * become a link, a mention or a reference — checked on the rendered DOM, including the rule GitHub applies after
 * rendering (it links `@name`, `#12`, `owner/repo#5`, `GH-7` and bare URLs found in text nodes outside code).
 *
 * Needs /usr/bin/chromium (or CHROMIUM_PATH). Without it the test is skipped loudly, except in CI (CI set),
 * where it must run.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { COMMENT_LIMIT, renderErrorMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import { COMMENT_WIDTH, githubHtml, page } from './github-html.js';
import { everyFamily, failingBinary, HOSTILE_VALUES, hostile, huge, waived } from './reports.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`\n*** SKIPPED: the browser rendering test needs Chromium at ${CHROMIUM} (set CHROMIUM_PATH). In CI it must run. ***\n`);
}
const maybe = available || process.env.CI ? describe : describe.skip;

const MARKER = '<!-- model-gate:default -->';
const md = (r: Parameters<typeof renderMarkdown>[0]) => renderMarkdown(r, { maxLength: COMMENT_LIMIT, header: MARKER });

const CASES: Record<string, () => string> = {
  'a failing binary gate': () => md(failingBinary()),
  'every gate family at once': () => md(everyFamily()),
  'hostile segment and group values': () => md(hostile()),
  'a waived soft failure': () => md(waived()),
  'more checks than fit': () => md(huge()),
  'a config error with several problems': () =>
    renderErrorMarkdown('c.yml:1:1: bad @octocat\nand 1 more problem:\n  c.yml:2:1: bad #12 https://evil.example/login GH-7', { maxLength: COMMENT_LIMIT, header: MARKER })
};

interface Seen {
  tables: Array<{ scrollWidth: number; clientWidth: number; right: number }>;
  bodyScroll: number;
  links: string[];
  liveText: string[];
}

/** What GitHub links in text after rendering (mentions, issue/PR references, GH-n, bare URLs). */
const LIVE = [/(^|[^\w`])@[a-z0-9]/i, /(^|[^\w&])#\d/, /\b[\w.-]+\/[\w.-]+#\d/, /\bGH-\d/i, /https?:\/\//i, /\bwww\./i];

maybe('the comment rendered like GitHub, in Chromium at 840 px', () => {
  let browser: Browser;
  beforeAll(async () => {
    const puppeteer = (await import('puppeteer-core')).default;
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60000);
  afterAll(async () => {
    await browser?.close();
  });

  async function look(markdown: string): Promise<Seen> {
    const tab = await browser.newPage();
    try {
      await tab.setViewport({ width: 1200, height: 900 });
      await tab.setContent(page(await githubHtml(markdown)), { waitUntil: 'load' });
      // Open every <details> so folded tables are laid out and measured too.
      return await tab.evaluate((live: string[]) => {
        document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
        const body = document.querySelector('.markdown-body')!;
        const left = body.getBoundingClientRect().left;
        const tables = [...document.querySelectorAll('table')].map((t) => ({
          scrollWidth: t.scrollWidth,
          clientWidth: t.clientWidth,
          right: t.getBoundingClientRect().right - left
        }));
        const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
        const res = live.map((s) => new RegExp(s.slice(1, s.lastIndexOf('/')), s.slice(s.lastIndexOf('/') + 1)));
        const liveText: string[] = [];
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('code, pre, a')) continue;
          const text = n.textContent ?? '';
          if (res.some((re) => re.test(text))) liveText.push(text);
        }
        return { tables, bodyScroll: body.scrollWidth, links, liveText };
      }, LIVE.map(String));
    } finally {
      await tab.close();
    }
  }

  test.each(Object.keys(CASES))('%s: no table scrolls sideways, nothing from data is live', async (name) => {
    const seen = await look(CASES[name]());
    expect(seen.tables.length).toBeGreaterThan(name.includes('error') ? -1 : 0);
    for (const t of seen.tables) {
      expect(t.scrollWidth).toBeLessThanOrEqual(t.clientWidth);
      expect(t.right).toBeLessThanOrEqual(COMMENT_WIDTH);
    }
    expect(seen.bodyScroll).toBeLessThanOrEqual(COMMENT_WIDTH);
    expect(seen.links).toEqual([]);
    // Our own reference to the pull request in the waiver line is the only live text allowed.
    expect(seen.liveText.filter((t) => !/^ soft failures are accepted because PR #7 carries the label $/.test(t))).toEqual([]);
  }, 60000);

  test('the check is not vacuous: the raw hostile values, unprotected, are caught', async () => {
    const raw = HOSTILE_VALUES.map((v) => `- ${v}`).join('\n') + '\n\n| a | b |\n|---|---|\n| ' + 'x'.repeat(300) + ' | y |\n';
    const seen = await look(raw);
    expect(seen.links.length).toBeGreaterThan(0); // GFM autolinks the URL and www.
    expect(seen.liveText.length).toBeGreaterThanOrEqual(3); // @octocat, #12, owner/repo#5 GH-7
    expect(seen.tables[0].scrollWidth).toBeGreaterThan(seen.tables[0].clientWidth);
  }, 60000);

  test('a screenshot for a human reviewer (written only when SCREENSHOT is set; SCREENSHOT_CASE picks the case)', async () => {
    const out = process.env.SCREENSHOT;
    if (!out) return;
    const tab = await browser.newPage();
    await tab.setViewport({ width: COMMENT_WIDTH + 32, height: 800 });
    const which = process.env.SCREENSHOT_CASE ?? 'every gate family at once';
    await tab.setContent(page(await githubHtml(CASES[which]())), { waitUntil: 'load' });
    await tab.screenshot({ path: out, fullPage: true });
    await tab.close();
  }, 60000);
});
