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

/** The one sentence a user sees for an unexpected failure: it is our bug, not their input. */
export function internalErrorMessage(e: unknown): string {
  const reason = e instanceof Error ? e.message : String(e);
  return `model-gate failed unexpectedly (${reason}). This is a bug in model-gate, not in your files: please report it with the debug log (re-run with debug logging enabled).`;
}
