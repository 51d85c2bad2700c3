/** The rollback gate's shell: reading the drill record. */
import { readJsonFile } from '../files/json-file.js';
import { type DrillFacts, parseDrill } from './drill.js';

/** A drill record is a few lines; anything near this is not one. */
const MAX_DRILL_BYTES = 1024 * 1024;

export async function readDrill(file: string, shown: string): Promise<DrillFacts> {
  return parseDrill(await readJsonFile(file, shown, 'the drill record', MAX_DRILL_BYTES), shown);
}
