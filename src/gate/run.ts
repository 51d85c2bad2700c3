/**
 * One gate run, shared by the action and the CLI: load the config, read and align the predictions, evaluate.
 * This is the only place that turns paths into data; the engine it calls is pure.
 */
import { tmpdir } from 'node:os';
import { loadConfig } from '../config/load.js';
import type { GateConfig } from '../config/types.js';
import type { PairedData } from '../readers/paired-data.js';
import { evaluate, type PullRequestFacts } from '../core/evaluate.js';
import { buildReleaseCard, rolloutOf, type ReleaseCard, type ReleaseSource } from '../core/release-card.js';
import type { Report } from '../core/report.js';
import { GateError } from '../base/errors.js';
import type { ChampionArtifactFact } from '../readers/artifacts/drill.js';
import { readArtifacts } from './artifacts.js';
import { readReleaseGateArtifacts } from './release-artifacts.js';
import { containArtifacts, resolveInside } from './containment.js';
import { requireFile } from '../readers/files/files.js';
import { cliRunKey, updateLedger, type RunKey } from './ledger.js';
import { readCounts } from '../readers/counts.js';
import { columnNeeds } from './needs.js';
import { alignModelPredictions, binaryReadOptions, readModelPredictions, sortIds, type ModelPredictions } from './read-predictions.js';
import { ReadWorker } from './read-worker.js';
import { configuredInputs, digest, hashWhileReading, type InputFile, sourceFromEnv } from './release-card.js';

export interface GateRequest {
  /**
   * Told the stage of the run as it starts (reading the config, each predictions file, the other artifacts,
   * evaluating with resampling); the shells show it as progress. Optional: runs without it are silent.
   */
  progress?: (stage: string) => void;
  /** Directory that relative paths are resolved against (GITHUB_WORKSPACE, or the CLI's --workspace). */
  workspace: string;
  /** Config path as the user gave it. */
  config: string;
  /** Overrides of `artifacts.candidate` / `artifacts.champion`, as the user gave them. */
  candidate?: string;
  champion?: string;
  /** Names of the inputs or flags the overrides came from, for messages (`the candidate input`, `--candidate`). */
  origins: { candidate: string; champion: string; config: string };
  generatedAt: string;
  pullRequest?: PullRequestFacts;
  /**
   * Fetches the champion from elsewhere (the action's `champion-artifact`) once the config is known, since the
   * config names the file to pick. Replaces the workspace lookup of `champion` / `artifacts.champion`.
   */
  fetchChampion?: (config: GateConfig) => Promise<PredictionsFile>;
  /** Learns the PR's facts once the config is known (the waiver label's who/when costs an API call). */
  fetchPullRequest?: (config: GateConfig) => Promise<PullRequestFacts | undefined>;
  /** Where the release comes from, for the release card (the shells read it with sourceFromEnv); default: unknown. */
  source?: ReleaseSource;
  /**
   * The other directory user paths may lead into besides the workspace (containment.ts): RUNNER_TEMP in the
   * action, where the champion artifact is downloaded; default os.tmpdir().
   */
  tempDir?: string;
  /** Which run this is, for the test-set reuse ledger (ledger.ts); default: a key made from generatedAt. */
  runKey?: RunKey;
  /** False for runs that are not gate runs (`model-gate plan`): the ledger is neither read nor written. */
  ledger?: boolean;
  /** Replaces the paired data before evaluation (`plan --discordance` builds its pilot candidate here). */
  transform?: (data: PairedData, config: GateConfig) => PairedData;
  /**
   * The script a worker thread runs to read the champion's binary predictions while this thread reads the
   * candidate's (the bundle's entry file, read-worker.ts); absent: both are read here, one after the other.
   */
  readWorker?: string;
}

/** A predictions file: where it is, how messages name it, and where that name came from. */
export interface PredictionsFile {
  file: string;
  shown: string;
  origin: string;
  /** The Actions artifact it came from, with its expiry (champion-artifact only). */
  artifact?: ChampionArtifactFact;
}

export interface GateOutcome {
  config: GateConfig;
  report: Report;
  /** The release card; the shells write it next to the report with writeReleaseCard (release-card.ts). */
  releaseCard: ReleaseCard;
}

export async function runGate(req: GateRequest): Promise<GateOutcome> {
  // Started first: the worker loads the bundle while this thread reads the config (read-worker.ts).
  const worker = req.readWorker !== undefined ? new ReadWorker(req.readWorker) : undefined;
  try {
    return await gate(req, worker);
  } finally {
    worker?.close();
  }
}

async function gate(req: GateRequest, worker: ReadWorker | undefined): Promise<GateOutcome> {
  // Containment (containment.ts): every user-named path is checked, symlinks included, before it is opened.
  const roots = { workspace: req.workspace, tempDir: req.tempDir ?? tmpdir() };
  const inside = (p: string, origin: string, shown?: string) => resolveInside(roots.workspace, roots.tempDir, p, origin, { shown });
  const progress = req.progress ?? (() => undefined);
  progress(`reading the config ${req.config}`);
  const configFile = await inside(req.config, req.origins.config);
  await requireFile(configFile, req.config, req.origins.config);
  const config = await loadConfig(configFile, req.config);
  const resolve = await containArtifacts(roots, config.artifacts, config.source);
  const inputs: InputFile[] = [{ role: 'config', file: configFile, shown: req.config }];
  // The champion artifact's expiry matters to the rollback gate (the previous release must still exist).
  let championArtifact: ChampionArtifactFact | undefined;
  const fetch = req.fetchChampion;
  const fetchChampion = fetch && (async (c: GateConfig) => {
    const fetched = await fetch(c);
    championArtifact = fetched.artifact;
    return fetched;
  });
  const read = await readPairedData(config, { ...req, fetchChampion }, resolve, inputs, inside, worker);
  const data = req.transform ? req.transform(read, config) : read;
  progress('reading the other artifacts');
  const artifacts = {
    ...(await readArtifacts(config, resolve)),
    ...(await readReleaseGateArtifacts(config, resolve, (p, origin) => inside(p, origin), inputs))
  };
  if (championArtifact) artifacts.champion_artifact = championArtifact;
  const pullRequest = req.fetchPullRequest ? await req.fetchPullRequest(config) : req.pullRequest;
  progress(`evaluating (${config.ci.resamples} resamples per bootstrapped check)`);
  const evaluated = evaluate(config, data, { generatedAt: req.generatedAt, pullRequest, artifacts });
  const digests = await Promise.all([...inputs, ...configuredInputs(config, resolve)].map(digest));
  const releaseCard = buildReleaseCard(evaluated, digests, req.source ?? sourceFromEnv({}), rolloutOf(config));
  const key = req.runKey ?? cliRunKey(undefined, req.generatedAt);
  const ledger = req.ledger === false ? undefined : await updateLedger(config, evaluated.test_set.fingerprint, key, req.generatedAt, (p, origin) => inside(p, origin));
  const report: Report = { ...evaluated, release_id: releaseCard.release_id, ...(ledger ? { ledger } : {}) };
  return { config, report, releaseCard };
}

async function readPairedData(
  config: GateConfig,
  req: GateRequest,
  resolve: (p: string) => string,
  used: InputFile[],
  inside: (p: string, origin: string, shown?: string) => Promise<string>,
  worker: ReadWorker | undefined
): Promise<PairedData> {
  const pick = async (which: 'candidate' | 'champion'): Promise<PredictionsFile | undefined> => {
    const override = req[which];
    if (override) return { file: await inside(override, req.origins[which]), shown: override, origin: req.origins[which] };
    const configured = config.artifacts[which];
    return configured
      ? { file: resolve(configured), shown: configured, origin: `artifacts.${which} in ${config.source}` }
      : undefined;
  };
  if (config.artifacts.counts !== undefined) return readCountsData(config, req, resolve, used);
  const candidate = await pick('candidate');
  if (!candidate) {
    throw new GateError(
      `no candidate predictions: set artifacts.candidate in ${config.source} or pass ${req.origins.candidate}`,
      { file: config.source, key: 'artifacts.candidate' }
    );
  }
  const needs = columnNeeds(config);
  /** Starts reading `p`; resolves once the file is found and the reading has begun, to the reading itself. */
  const start = async (p: PredictionsFile, role: 'candidate' | 'champion', worker?: ReadWorker): Promise<{ result: Promise<ModelPredictions> }> => {
    await requireFile(p.file, p.shown, p.origin);
    req.progress?.(`reading the ${role} predictions ${p.shown}`);
    const input: InputFile = { role, file: p.file, shown: p.shown };
    used.push(input);
    if (worker !== undefined) {
      const result = worker.read(p.file, binaryReadOptions(config, p.shown, needs, role), role).then(({ predictions, read }) => {
        input.read = read;
        return { task: 'binary' as const, predictions };
      });
      return { result };
    }
    // The release card hashes the bytes the reader parsed, not a second read of the file.
    const tap = hashWhileReading(input);
    // The reader of the config's task; segment and group columns come from the candidate's file only.
    const result = readModelPredictions(config, p.file, p.shown, needs, role, tap.onBytes).then((predictions) => {
      tap.done();
      return predictions;
    });
    return { result };
  };
  const read = async (p: PredictionsFile, role: 'candidate' | 'champion'): Promise<ModelPredictions> => (await start(p, role)).result;
  /** The champion's file: fetched (the action's artifact lookup) or configured; undefined on a first run. */
  const findChampion = async (): Promise<PredictionsFile | undefined> => {
    const fetched = req.fetchChampion ? await req.fetchChampion(config) : undefined;
    return fetched ? { ...fetched, file: await inside(fetched.file, fetched.origin, fetched.shown) } : pick('champion');
  };
  const champ = async (): Promise<ModelPredictions | undefined> => {
    const champion = await findChampion();
    return champion ? await read(champion, 'champion') : undefined;
  };
  if (worker === undefined || !worker.usable || config.task !== 'binary') {
    const cand = await read(candidate, 'candidate');
    return alignModelPredictions(cand, await champ(), config.columns.cluster);
  }
  // The candidate here, the champion in the worker at the same time (the candidate's file has the segment columns,
  // so this thread, which keeps them, reads it). What the user sees is what reading one after the other shows:
  // the candidate's progress line and errors come first, and the champion is looked for once the candidate exists.
  const { result: cand } = await start(candidate, 'candidate');
  const champion = (async () => {
    const file = await findChampion();
    // A worker that stopped meanwhile (it could not load) leaves the champion to this thread.
    return file ? (await start(file, 'champion', worker.usable ? worker : undefined)).result : undefined;
  })();
  champion.catch(() => undefined); // awaited below unless the candidate fails
  const c = await cand;
  const h = await champion;
  // Sorted once the worker is gone: sorting while it still held the champion's file was the peak of memory.
  sortIds(c);
  return alignModelPredictions(c, h, config.columns.cluster);
}

/** Counts input (artifacts.counts): one file holds both models, so the candidate and champion overrides do not apply. */
async function readCountsData(
  config: GateConfig,
  req: GateRequest,
  resolve: (p: string) => string,
  used: InputFile[]
): Promise<PairedData> {
  const shown = config.artifacts.counts!;
  for (const which of ['candidate', 'champion'] as const) {
    if (req[which]) {
      throw new GateError(
        `${config.source} sets artifacts.counts, which holds both models, but ${req.origins[which]} gives ${which} predictions too; ` +
          `drop ${req.origins[which]} or artifacts.counts.`,
        { file: config.source, key: 'artifacts.counts' }
      );
    }
  }
  if (req.fetchChampion) {
    throw new GateError(
      `${config.source} sets artifacts.counts, which holds both models, so there is no champion file to download; drop the champion-artifact input.`,
      { file: config.source, key: 'artifacts.counts' }
    );
  }
  const file = resolve(shown);
  await requireFile(file, shown, `artifacts.counts in ${config.source}`);
  const input: InputFile = { role: 'counts', file, shown };
  used.push(input);
  const needs = columnNeeds(config);
  const tap = hashWhileReading(input);
  const data = await readCounts(file, {
    displayPath: shown,
    columns: config.columns,
    positiveLabel: config.positive_label,
    losses: needs.losses,
    extraColumns: needs.extraColumns,
    scoreMetrics: needs.scoreMetrics,
    needPrediction: needs.needPrediction,
    onBytes: tap.onBytes
  });
  tap.done();
  return data;
}
