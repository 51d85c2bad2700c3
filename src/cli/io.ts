/** What the CLI touches of the outside world, passed in so tests can run it in-process. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  now: () => Date;
  /** The temporary directory user paths may also lead into (containment); default os.tmpdir(). */
  tempDir?: string;
  /** Environment (MODEL_GATE_DEBUG); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Terminal width for the table; default 100 (not a terminal, or unknown). */
  columns?: number;
  /** Progress of long work (reading, resampling); default none. The entry point passes a TTY line on stderr. */
  progress?: (stage: string) => void;
  /** Called once the run is over, to clear a progress line. */
  progressDone?: () => void;
  /** The entry file a worker thread may run to read the champion's predictions (gate/read-worker.ts); default none. */
  readWorker?: string;
}

/** The flags `model-gate` and `model-gate plan` share: where the config, the files and the workspace are. */
export const COMMON_OPTIONS = {
  config: { type: 'string', short: 'c' },
  candidate: { type: 'string' },
  champion: { type: 'string' },
  workspace: { type: 'string', short: 'w' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const;
