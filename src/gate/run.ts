/**
 * One gate run, shared by the action and the CLI: load the config, read and align the predictions, evaluate.
 * This is the only place that turns paths into data; the engine it calls is pure.
 */
import * as path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { GateConfig } from '../config/types.js';
import type { PairedData } from '../core/data.js';
import { evaluate, type PullRequestFacts } from '../core/evaluate.js';
import type { Report } from '../core/report.js';
import { GateError } from '../errors.js';
import { alignPredictions } from '../readers/align.js';
import { readPredictions, type Predictions } from '../readers/predictions.js';
import { requireFile } from './files.js';
import { columnNeeds } from './needs.js';

export interface GateRequest {
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
}

export interface GateOutcome {
  config: GateConfig;
  report: Report;
}

export async function runGate(req: GateRequest): Promise<GateOutcome> {
  const resolve = (p: string) => path.resolve(req.workspace, p);
  await requireFile(resolve(req.config), req.config, req.origins.config);
  const config = await loadConfig(resolve(req.config), req.config);
  const data = await readPairedData(config, req, resolve);
  const report = evaluate(config, data, { generatedAt: req.generatedAt, pullRequest: req.pullRequest });
  return { config, report };
}

async function readPairedData(
  config: GateConfig,
  req: GateRequest,
  resolve: (p: string) => string
): Promise<PairedData> {
  const pick = (which: 'candidate' | 'champion') => {
    const override = req[which];
    if (override) return { shown: override, origin: req.origins[which] };
    const configured = config.artifacts[which];
    return configured ? { shown: configured, origin: `artifacts.${which} in ${config.source}` } : undefined;
  };
  const candidate = pick('candidate');
  if (!candidate) {
    throw new GateError(
      `no candidate predictions: set artifacts.candidate in ${config.source} or pass ${req.origins.candidate}`,
      { file: config.source, key: 'artifacts.candidate' }
    );
  }
  const champion = pick('champion');
  const needs = columnNeeds(config);
  const read = async (p: { shown: string; origin: string }): Promise<Predictions> => {
    await requireFile(resolve(p.shown), p.shown, p.origin);
    return readPredictions(resolve(p.shown), {
      displayPath: p.shown,
      columns: config.columns,
      threshold: config.threshold,
      positiveLabel: config.positive_label,
      score: needs.score,
      needPrediction: needs.needPrediction
    });
  };
  const cand = await read(candidate);
  const champ = champion ? await read(champion) : undefined;
  return alignPredictions(cand, champ);
}
