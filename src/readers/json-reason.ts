/**
 * Why JSON.parse refused a text, without quoting the text. V8's messages carry an excerpt of the input
 * (`Unexpected token 'h', "hello worl"... is not valid JSON`), which for a line of a predictions file or a
 * load test is file content: messages may quote the offending value, never the surroundings. This keeps
 * V8's reason, drops the excerpt, and returns the position separately (Node 20 says "at position P", Node 22+
 * adds "(line L column C)").
 */

export interface JsonSyntaxReason {
  /** Lower-case reason without any excerpt: `unexpected token '}'`, `unexpected end of JSON input`. */
  reason: string;
  /** 0-based character offset, when the message gives one. */
  position?: number;
}

const MAX_REASON = 80;

export function jsonSyntaxReason(message: string): JsonSyntaxReason {
  let m = message.split('\n')[0]!;
  // `Unexpected token 'x', "…excerpt…" is not valid JSON` / `…, ..."excerpt"... is not valid JSON`
  const excerpt = /^(.*?), (?:\.\.\.)?".*$/s.exec(m);
  if (excerpt && / is not valid JSON$/.test(m)) m = excerpt[1]!;
  let position: number | undefined;
  const at = / in JSON at position (\d+)/.exec(m);
  if (at) position = Number(at[1]);
  m = m.replace(/ in JSON at position \d+/, '').replace(/\s*\(line \d+ column \d+\)/, '').trim();
  // Anything that still looks like quoted input (an unknown format) is dropped rather than risked.
  if (m === '' || m.includes('"') || m.length > MAX_REASON) m = 'invalid JSON';
  return { reason: m.charAt(0).toLowerCase() + m.slice(1), position };
}
