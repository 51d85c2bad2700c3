/** The cost gate's shell: reading a cost JSON file. */
import { readJsonFile } from '../files/json-file.js';
import { type CostFacts, parseCost } from './cost-facts.js';

export async function readCost(file: string, shown: string): Promise<CostFacts> {
  return parseCost(await readJsonFile(file, shown, 'the cost file'), shown);
}
