/** The report written when the gate could not be evaluated, so tools reading `report` always find JSON. */
import type { Report } from '../core/report.js';

export function errorReport(message: string, generatedAt: string): Pick<Report, 'gate_result' | 'auto_merge' | 'waived' | 'generated_at' | 'summary' | 'error'> {
  return {
    gate_result: 'error',
    auto_merge: false,
    waived: false,
    generated_at: generatedAt,
    summary: `error: ${message}`,
    error: message
  };
}

/** How the action's user gets an error's details: step debug logging. */
export const ACTION_DEBUG_HINT = 're-running the job with debug logging enabled (RUNNER_DEBUG=1) shows';
/** How the CLI's user gets an error's details. */
export const CLI_DEBUG_HINT = 'MODEL_GATE_DEBUG=1 prints';

/**
 * The one sentence a user sees for an unexpected failure: it is our bug, not their input. It names only the
 * kind of error: an unexpected error's own message may quote anything (a JSON parser quotes the text it
 * choked on), so it is shown only with the debug flag (`errorDetails`), never in a normal log.
 */
export function internalErrorMessage(e: unknown, debugHint: string): string {
  const kind = isErrorLike(e) ? (/^\w{1,40}$/.test(e.name) ? e.name : 'Error') : `thrown ${typeof e}`;
  return (
    `model-gate failed unexpectedly (an internal ${kind}): this is a bug in model-gate, not in your files; ` +
    `please report it with the details that ${debugHint}.`
  );
}

/** What the debug flag shows of any error: where it points, its message and its stack. */
export function errorDetails(e: unknown): string {
  if (!isErrorLike(e)) return `thrown value: ${String(e)}`;
  const location = 'location' in e && e.location && typeof e.location === 'object' ? `\nlocation: ${JSON.stringify(e.location)}` : '';
  const cause = isErrorLike(e.cause) ? `\ncaused by: ${e.cause.stack ?? e.cause.message}` : '';
  return `${e.stack ?? `${e.name}: ${e.message}`}${location}${cause}`;
}

/** An Error, also from another realm (node's own modules under a vm context fail `instanceof Error`). */
function isErrorLike(e: unknown): e is Error {
  return e instanceof Error || (typeof e === 'object' && e !== null && typeof (e as Error).name === 'string' && typeof (e as Error).message === 'string');
}
