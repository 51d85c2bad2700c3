/**
 * Text from data or config (segment names, group values, file names, messages that quote them) made inert for
 * GitHub. Markdown escaping alone is not enough: GitHub turns `@name`, `@org/team`, `#12`, `owner/repo#5`,
 * `GH-7`, commit SHAs and bare URLs into mentions, references and links by scanning the rendered text nodes, so
 * `&#64;` or `\#` still ping and link. A zero-width space (U+200B) inside each such token breaks those patterns
 * while the text reads the same; it also gives the browser a place to wrap long unbroken values.
 */
import { escapeMarkdown } from './escape.js';

/** Zero-width space: invisible, not a word character, a line-break opportunity. */
export const ZWSP = '\u200b';

/** Longest run of characters without a break opportunity that a table cell is allowed to hold. */
const MAX_UNBROKEN = 24;

/**
 * Breaks the tokens GitHub links in plain text: mentions and emails (`@`), issue and PR references (`#12`,
 * `owner/repo#5`, `GH-7`), URLs (`https://`, `www.`) and hex runs that could be commit SHAs.
 */
export function breakLinks(text: string): string {
  return text
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#/g, `#${ZWSP}`)
    .replace(/\b(gh)-/gi, `$1${ZWSP}-`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    // A commit SHA (or its 7+ character prefix) mixes digits and letters; plain numbers are left alone.
    .replace(/\b[0-9a-f]{7,}\b/gi, (hex) => (/\d/.test(hex) && /[a-f]/i.test(hex) ? hex.replace(/(.{6})(?=.)/g, `$1${ZWSP}`) : hex));
}

/** Long runs without spaces get a zero-width space every MAX_UNBROKEN characters so a cell can wrap. */
function wrappable(text: string): string {
  const re = new RegExp(`[^\\s${ZWSP}]{${MAX_UNBROKEN + 1},}`, 'g');
  return text.replace(re, (run) => {
    // Cut at the last separator-like character of each chunk when there is one, so `a_b_c` breaks at `_`.
    const out: string[] = [];
    let rest = run;
    while (rest.length > MAX_UNBROKEN) {
      const chunk = rest.slice(0, MAX_UNBROKEN);
      const sep = Math.max(chunk.lastIndexOf('_'), chunk.lastIndexOf('-'), chunk.lastIndexOf('/'), chunk.lastIndexOf('.'));
      const at = sep >= 8 ? sep + 1 : MAX_UNBROKEN;
      out.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    out.push(rest);
    return out.join(ZWSP);
  });
}

/** One line of inert markdown: escaped, with links and references broken. */
export function inert(text: string): string {
  // Break first (on the raw text), then escape: the entities escapeMarkdown writes contain `#` and `&`.
  return escapeMarkdown(breakLinks(text));
}

/**
 * Inert text for a table cell: also wrappable. GitHub sizes a table to its content, so one long unbroken value
 * would make it scroll sideways; paragraphs and lists wrap long words by themselves and keep paths copyable.
 */
export function inertCell(text: string): string {
  return escapeMarkdown(wrappable(breakLinks(text)));
}

/** Plain text (annotations, log lines) that GitHub may still scan for mentions and links. */
export function inertPlain(text: string): string {
  return breakLinks(text);
}
