/** The operations gate's shell: reading a load-test file and measuring the model's size on disk. */
import { promises as fs } from 'node:fs';
import { GateError } from '../../base/errors.js';
import { listFiles, unreadable } from '../files/files.js';
import { readJsonFile } from '../files/json-file.js';
import type { ModelSize, OperationsFacts } from './operations-facts.js';
import { parseOperations } from './operations-parse.js';

export async function readOperations(file: string, shown: string): Promise<OperationsFacts> {
  return parseOperations(await readJsonFile(file, shown, 'the load-test result'), shown);
}

/**
 * Bytes of the model file, or of every regular file under the model directory (recursively). Symbolic links
 * to files count with their target's size; links to directories are not followed (they could loop).
 */
export async function modelSize(file: string, shown: string): Promise<ModelSize> {
  let st;
  try {
    st = await fs.stat(file);
  } catch {
    throw new GateError(`${shown} does not exist (from artifacts.model); check the path, which is relative to the workspace.`, {
      file: shown
    });
  }
  if (st.isFile()) return { file: shown, bytes: st.size, files: 1 };
  if (!st.isDirectory()) throw new GateError(`${shown} is neither a file nor a directory (from artifacts.model).`, { file: shown });
  let bytes = 0;
  let files = 0;
  for (const f of await listFiles(file, shown)) {
    bytes += (await fs.stat(f).catch((e) => Promise.reject(unreadable(e, shown)))).size;
    files++;
  }
  return { file: shown, bytes, files };
}
