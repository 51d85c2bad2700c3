/** The robustness gate's shell: reading each suite's result files. */
import type { RobustnessGate } from '../../config/types.js';
import { readTextFile } from '../files/text-file.js';
import { formatOf, parseResults, type SuiteFacts, type SuiteResults } from './robustness-cases.js';

export async function readRobustness(gate: RobustnessGate, resolve: (p: string) => Promise<string>): Promise<SuiteFacts[]> {
  const out: SuiteFacts[] = [];
  for (const suite of gate.suites) {
    const read = async (shown: string): Promise<SuiteResults> => {
      const format = formatOf(shown, suite.format);
      const what = format === 'junit' ? 'a JUnit XML report' : 'a JSON Lines results file';
      return parseResults(await readTextFile(await resolve(shown), shown, what), shown, format);
    };
    const facts: SuiteFacts = { name: suite.name, candidate: await read(suite.results) };
    if (suite.champion_results !== undefined) facts.champion = await read(suite.champion_results);
    out.push(facts);
  }
  return out;
}
