/**
 * Plain log lines of the action. The runner reads every line of a step's stdout that starts with `::` as a
 * workflow command (`::add-mask::`, `::error::`, `::stop-commands::`), and @actions/core's `info` writes its
 * text as it is. Text that carries data or config (segment names in the summary line, a workflow's name from
 * the API) goes through `logLine` so a line break in it cannot start a command of its own.
 */
export function logLine(text: string): string {
  return text.replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, ' ');
}

/** The lines of a message joined into one (`a; b; c`), for outputs that must be one line (`summary`). */
export function oneLine(message: string): string {
  return message
    .split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('; ')
    .replace(/:; /g, ': ');
}
