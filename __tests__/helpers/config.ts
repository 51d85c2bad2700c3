/** Builders shared by the config tests: YAML from lines, and the GateError a config is refused with. */
import { parseConfig } from '../../src/config/load.js';
import { GateError } from '../../src/base/errors.js';

/** The file name config messages start with in these tests. */
export const CONFIG_FILE = 'model-gate.yml';

/** YAML text from its lines, with the final newline. */
export const lines = (...l: string[]): string => l.join('\n') + '\n';

/** The GateError `text` is refused with; fails the test when the config is accepted or throws something else. */
export function configError(text: string, source = CONFIG_FILE): GateError {
  try {
    parseConfig(text, source);
  } catch (e) {
    if (e instanceof GateError) return e;
    throw e;
  }
  throw new Error('expected a GateError, but the config was accepted');
}

/** The message of configError. */
export const configMessage = (text: string, source = CONFIG_FILE): string => configError(text, source).message;
