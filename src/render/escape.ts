/**
 * Escaping for text that comes from data or config (segment names, group values, file names) before it goes
 * into markdown: it must not break a table row, open HTML, mention anyone, or start code, links or emphasis.
 * HTML-significant characters, pipes, backticks and `@` become entities (GitHub would otherwise still parse a
 * mention or an autolink); other markdown punctuation gets a backslash. An underscore inside a word is left
 * alone because it cannot start emphasis there, which keeps names like `roc_auc` readable in the raw text.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '|': '&#124;',
  '`': '&#96;',
  '@': '&#64;'
};

/** One line of inert text for a markdown table cell or a list item. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n|\t|\u2028|\u2029/g, ' ')
    // Control characters, and the bidirectional overrides and isolates that could make a cell read backwards
    // ("Trojan Source"), are shown as U+FFFD rather than passed through invisibly.
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
    .replace(/[\\*[\]~#!]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (ch) => `\\${ch}`)
    .replace(/[&<>"|`@]/g, (ch) => ENTITIES[ch]);
}
