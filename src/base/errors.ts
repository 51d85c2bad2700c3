/**
 * The one error type a user may see. Everything that is the user's mistake (bad config, unreadable or
 * mismatched files) is thrown as a GateError whose message is one sentence naming the file and, where it is
 * known, the line, column or key. Anything else that escapes is a bug and is reported as such by the shells.
 */
export interface ErrorLocation {
  /** Path of the offending file as the user wrote it (relative to the workspace when possible). */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  /** 1-based column in that file. */
  column?: number;
  /** Config key path (`gates.performance.primary_metric`) or column name. */
  key?: string;
}

export class GateError extends Error {
  readonly location: ErrorLocation;

  constructor(message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'GateError';
    this.location = location;
  }
}

/** True for errors whose message is meant for the user. */
export function isGateError(e: unknown): e is GateError {
  return e instanceof GateError;
}

/** `file:line:column` prefix for messages, leaving out what is unknown. */
export function formatLocation(loc: ErrorLocation): string {
  if (!loc.file) return '';
  let s = loc.file;
  if (loc.line !== undefined) {
    s += `:${loc.line}`;
    if (loc.column !== undefined) s += `:${loc.column}`;
  }
  return s;
}

/** The sentence a user sees: the message, prefixed with `file:line:column` unless it already names the file. */
export function userMessage(e: GateError): string {
  const where = formatLocation(e.location);
  return where && !(e.location.file && e.message.includes(e.location.file)) ? `${where}: ${e.message}` : e.message;
}
