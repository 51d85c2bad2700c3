/**
 * Markdown to HTML the way GitHub renders a comment, for the browser test: GFM (tables, autolink literals,
 * strikethrough), raw HTML parsed and then cleaned with GitHub's sanitizer schema (hast-util-sanitize's
 * defaultSchema is GitHub's), wrapped in github-markdown-css at the width of a PR comment's column.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** The markdown column of a PR comment on github.com (conversation tab, desktop). */
export const COMMENT_WIDTH = 840;

export async function githubHtml(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, defaultSchema)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

export function page(bodyHtml: string): string {
  const css = readFileSync(createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${COMMENT_WIDTH}px; padding: 16px; }
</style></head><body><article class="markdown-body">${bodyHtml}</article></body></html>`;
}
