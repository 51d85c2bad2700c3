/**
 * Config problems and how they reach the user: every problem names a key path and whether it is about the key
 * or its value; they are reported together, in the order they appear in the file, as one GateError whose first
 * line is the first problem (`model-gate.yml:3:7: …`) and whose further lines list the rest.
 */
import { type ErrorLocation, GateError } from '../base/errors.js';
import { type ConfigDocument, type Path, type Position, formatPath } from './source.js';

export interface Problem {
  /** Key path of the offending entry (for a missing key: the mapping that lacks it). */
  path: Path;
  /** Point at the entry's key (unknown or unsupported keys) or at its value (wrong values). */
  at: 'key' | 'value';
  /** One sentence naming the key path and what to do, without the file position. */
  message: string;
}

/** How many further problems the message lists before summing up the rest. */
export const MAX_LISTED_PROBLEMS = 20;

/** Throw the problems (at least one) as one GateError located at the first of them in the file. */
export function throwProblems(cfg: ConfigDocument, problems: readonly Problem[]): never {
  if (problems.length === 0) throw new Error('throwProblems: no problems');
  const located: Array<{ p: Problem; pos: Position; text: string }> = [];
  const seen = new Set<string>();
  for (const p of problems) {
    const pos = cfg.locate(p.path, p.at);
    const text = `${cfg.source}:${pos.line}:${pos.column}: ${p.message}`;
    if (seen.has(text)) continue;
    seen.add(text);
    located.push({ p, pos, text });
  }
  // Stable sort: problems at the same spot keep the order they were found in.
  located.sort((a, b) => a.pos.offset - b.pos.offset);
  const [first, ...rest] = located;
  let message = first!.text;
  if (rest.length > 0) {
    message += `\nand ${rest.length} more problem${rest.length === 1 ? '' : 's'}:`;
    for (const r of rest.slice(0, MAX_LISTED_PROBLEMS)) message += `\n  ${r.text}`;
    if (rest.length > MAX_LISTED_PROBLEMS) message += `\n  … and ${rest.length - MAX_LISTED_PROBLEMS} more`;
  }
  const location: ErrorLocation = { file: cfg.source, line: first!.pos.line, column: first!.pos.column };
  if (first!.p.path.length > 0) location.key = formatPath(first!.p.path);
  throw new GateError(message, location);
}
