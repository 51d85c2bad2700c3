/**
 * The action's progress: a log line as each stage of a run starts (reading the config, each predictions file,
 * the other artifacts, evaluating), with the time the previous stage took, so a long run shows where it is.
 * The clock and the sink are injected, so tests see the lines without timing anything.
 */
import { logLine } from './log.js';

export function logProgress(info: (line: string) => void, now: () => number): (stage: string) => void {
  let last: { stage: string; at: number } | undefined;
  return (stage) => {
    const at = now();
    const took = last ? ` (${last.stage.split(' ').slice(0, 2).join(' ')} took ${((at - last.at) / 1000).toFixed(1)} s)` : '';
    info(logLine(`model-gate: ${stage}${took}`));
    last = { stage, at };
  };
}
