/**
 * Plain-language help for the YAML mistakes people make most: a key indented by one space too many or too few,
 * a tab, a line indented under a `key: value` line. The `yaml` library's own messages ("Nested mappings are not
 * allowed in compact mappings") name the grammar rule and often point at the line before the mistake; these
 * point at the line to fix and say what to do.
 */

export interface YamlHint {
  /** 1-based line and column of the first character of the line to fix. */
  line: number;
  column: number;
  message: string;
}

interface Line {
  n: number;
  indent: number;
  text: string;
}

function contentLines(text: string): Line[] {
  return text.split(/\r?\n/).map((raw, i) => ({ n: i + 1, indent: /^ */.exec(raw)![0].length, text: raw }));
}

const isContent = (l: Line) => l.text.trim() !== '' && !l.text.trim().startsWith('#');
const shown = (l: Line) => {
  const t = l.text.trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
};

/** A hint for the `yaml` error `code` at `offset` in `text`, or undefined when there is none to give. */
export function yamlIndentHint(text: string, code: string, offset: number): YamlHint | undefined {
  const lines = contentLines(text);
  const lineNo = text.slice(0, offset).split('\n').length;
  const at = lines[lineNo - 1];
  if (!at) return undefined;
  const before = lines.slice(0, lineNo - 1).filter(isContent);
  const prev = before[before.length - 1];
  const pos = (l: Line) => ({ line: l.n, column: l.indent + 1 });
  switch (code) {
    case 'TAB_AS_INDENT':
      return { ...pos(at), message: `line ${at.n} is indented with a tab; YAML indents with spaces only, so replace the tab with spaces` };
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      if (!prev) return undefined;
      // The indents used above (a list item's keys start after its `- `): the mistake is usually a space or
      // two off one of them; on a tie, the deeper one, since the line usually continues the block above it.
      const keyIndent = (l: Line) => l.indent + (/^-\s+/.exec(l.text.slice(l.indent))?.[0].length ?? 0);
      const indents = [...new Set(before.map(keyIndent))];
      // Lined up with a key above: the mistake is something else (an unclosed bracket, say); the parser says what.
      if (indents.includes(at.indent)) return undefined;
      const dist = (x: number) => Math.abs(x - at.indent);
      const near = indents.reduce((a, b) => (dist(b) < dist(a) || (dist(b) === dist(a) && b > a) ? b : a));
      const like = [...before].reverse().find((l) => keyIndent(l) === near)!;
      return {
        ...pos(at),
        message:
          `line ${at.n} is indented ${at.indent} space${at.indent === 1 ? '' : 's'}, which lines up with no key above it; ` +
          `YAML nests by indentation, so indent it exactly like the key it belongs with (probably ${near} spaces, as line ${like.n}: ${shown(like)})`
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // The library points at the `key: value` line; the mistake is the more indented line after it.
      const next = lines.slice(lineNo).find(isContent);
      if (!next || next.indent <= at.indent) return undefined;
      return {
        ...pos(next),
        message:
          `line ${next.n} is indented more than line ${at.n} (${shown(at)}), which already has a value, so YAML cannot nest it there; ` +
          `indent it like line ${at.n} (${at.indent} spaces) if it is a key of its own`
      };
    }
    default:
      return undefined;
  }
}
