/** Reading a small text artifact whole (test reports, rule files, drill records) with errors that name the file. */
import { promises as fs } from 'node:fs';
import { GateError } from '../../base/errors.js';

/** Test reports and rule files are kilobytes to a few megabytes; past this a file is not one of them. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** How the errors of a kind of file read: what it is (`a file`, `a JSON file`) and what to do when it is too big. */
export interface TextFileWords {
  kind: string;
  tooBig: (shown: string, size: number, maxBytes: number, what: string) => string;
}

const TEXT_WORDS: TextFileWords = {
  kind: 'a file',
  tooBig: (shown, size, maxBytes, what) =>
    `${shown} is ${size} bytes, more than the ${maxBytes} model-gate reads for ${what}; split it or keep only what the gate needs.`
};

/** The UTF-8 text of `file` (BOM removed); `shown` names it in messages, `what` says what it should be. */
export async function readTextFile(file: string, shown: string, what: string, maxBytes = MAX_TEXT_BYTES, words: TextFileWords = TEXT_WORDS): Promise<string> {
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new GateError(`${shown} is a directory, but ${what} is ${words.kind}; point to the file.`, { file: shown });
    if (st.size > maxBytes) throw new GateError(words.tooBig(shown, st.size, maxBytes, what), { file: shown });
    const text = await fs.readFile(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    if (e instanceof GateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new GateError(`${shown} does not exist; check the path of ${what} (it is relative to the workspace).`, { file: shown });
    }
    throw new GateError(`${shown} cannot be read (${code ?? String(e)}); make it readable by the runner.`, { file: shown });
  }
}
