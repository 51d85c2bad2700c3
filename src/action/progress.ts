/**
 * The action's progress: a log line as each stage of a run starts (reading the config, each predictions file,
 * the other artifacts, evaluating), with the time the previous stage took, and a "still …" line every
 * interval while a stage lasts (it can fire while files are read, which yields to the event loop; the
 * resampling itself runs in one go). The clock, the sink and the timer are injected, so tests time nothing.
 */
import { logLine } from '../render/log-line.js';

/** Runs `tick` periodically until the returned function is called. */
export type Every = (tick: () => void) => () => void;

export interface ActionProgress {
  progress: (stage: string) => void;
  /** Stops the periodic lines. */
  stop: () => void;
}

export function logProgress(info: (line: string) => void, now: () => number, every?: Every): ActionProgress {
  let last: { stage: string; at: number } | undefined;
  let cancel: (() => void) | undefined;
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    progress: (stage) => {
      const at = now();
      const took = last === undefined ? '' : ` (previous step ${secs(at - last.at)})`;
      info(logLine(`model-gate: ${stage}${took}`));
      last = { stage, at };
      cancel ??= every?.(() => {
        if (last) info(logLine(`model-gate: still ${last.stage} (${secs(now() - last.at)} so far)`));
      });
    },
    stop: () => {
      cancel?.();
      cancel = undefined;
    }
  };
}

/** The action's timer: a line every 30 s, never keeping the process alive on its own. */
export const every30s: Every = (tick) => {
  const t = setInterval(tick, 30_000);
  t.unref();
  return () => clearInterval(t);
};
