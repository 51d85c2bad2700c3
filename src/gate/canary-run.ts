/**
 * One canary-stage run, shared by the action and the CLI: load the config (only its `canary` section is
 * needed), read both arms' observations (files or Prometheus), and decide (pure, core/canary/decide.ts).
 */
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildCanaryReleaseCard, type CanaryReleaseCard } from '../core/canary/release-card.js';
import type { ReleaseSource } from '../core/release-card.js';
import { writeFileAtomic } from '../readers/files/files.js';
import { digest, type InputFile, RELEASE_CARD_FILE, sourceFromEnv } from './release-card.js';
import { decideCanary } from '../core/canary/decide.js';
import type { CanaryObservations } from '../readers/canary-window.js';
import type { CanaryReport } from '../core/canary/report.js';
import { parseInstant } from '../config/canary-semantics.js';
import { loadConfig } from '../config/load.js';
import type { GateConfig } from '../config/types.js';
import { GateError } from '../base/errors.js';
import { readObservations } from '../readers/canary-observations.js';
import { type FetchLike, readPrometheus } from '../readers/prometheus.js';
import { resolveInside } from './containment.js';
import type { FailOn } from './fail-on.js';
import { requireFile } from '../readers/files/files.js';

export interface CanaryRequest {
  workspace: string;
  config: string;
  /** Overrides from the inputs / flags: `canary-since`, `canary-weight`. */
  since?: string;
  weight?: string;
  /** Names of the inputs or flags, for messages. */
  origins: { config: string; since: string; weight: string };
  /** The decision's clock (ms since the epoch); the shells pass Date.now() or a test's fixed time. */
  now: number;
  generatedAt: string;
  tempDir?: string;
  fetch?: FetchLike;
  /** Where the run comes from, for the release card (the shells read it with sourceFromEnv); default: unknown. */
  source?: ReleaseSource;
}

export interface CanaryOutcome {
  config: GateConfig;
  report: CanaryReport;
  /** The rollout's release card; the shells write it next to the report (writeCanaryReleaseCard). */
  releaseCard: CanaryReleaseCard;
}

/** Writes the card as `release-card.json` next to `reportFile`; returns the card's path. */
export async function writeCanaryReleaseCard(card: CanaryReleaseCard, reportFile: string): Promise<string> {
  const file = path.join(path.dirname(reportFile), RELEASE_CARD_FILE);
  await writeFileAtomic(file, `${JSON.stringify({ ...card, report: path.basename(reportFile) }, null, 2)}\n`);
  return file;
}

function sinceOf(config: GateConfig, req: CanaryRequest): number {
  const text = req.since ?? config.canary!.since;
  if (text === undefined) {
    throw new GateError(
      `the canary stage needs its start time: set canary.since in ${config.source} or pass ${req.origins.since} (ISO 8601, e.g. 2026-11-30T10:00:00Z)`,
      { file: config.source, key: 'canary.since' }
    );
  }
  const t = parseInstant(text);
  if (Number.isNaN(t)) {
    throw new GateError(`${req.origins.since} must be an ISO 8601 time with a zone like 2026-11-30T10:00:00Z, not "${text}"`, { key: req.origins.since });
  }
  if (t > req.now) {
    throw new GateError(
      `the canary starts at ${new Date(t).toISOString()}, after now (${new Date(req.now).toISOString()}); check ${req.since ? req.origins.since : `canary.since in ${config.source}`}`,
      { key: 'canary.since' }
    );
  }
  return t;
}

function weightOf(config: GateConfig, req: CanaryRequest): number {
  if (req.weight !== undefined) {
    const w = Number(req.weight.trim().replace(/%$/, ''));
    if (req.weight.trim() === '' || !Number.isFinite(w) || w < 0 || w > 100) {
      throw new GateError(`${req.origins.weight} must be the canary's traffic percent (0–100), not "${req.weight}"`, { key: req.origins.weight });
    }
    return w;
  }
  const w = config.canary!.rollout.current_weight;
  if (w === undefined) {
    throw new GateError(
      `the canary stage needs the current traffic weight: set canary.rollout.current_weight in ${config.source} or pass ${req.origins.weight}`,
      { file: config.source, key: 'canary.rollout.current_weight' }
    );
  }
  return w;
}

/** `fail-on` in the canary stage: a rollback fails with fail or soft_fail (pending and pass never do). */
export function canaryShouldFail(report: CanaryReport, failOn: FailOn): boolean {
  return report.gate_result === 'error' || (failOn !== 'never' && report.gate_result === 'fail');
}

export async function runCanary(req: CanaryRequest): Promise<CanaryOutcome> {
  const tempDir = req.tempDir ?? tmpdir();
  const inside = (p: string, origin: string) => resolveInside(req.workspace, tempDir, p, origin);
  const configFile = await inside(req.config, req.origins.config);
  await requireFile(configFile, req.config, req.origins.config);
  const config = await loadConfig(configFile, req.config, 'canary');
  const inputs: InputFile[] = [{ role: 'config', file: configFile, shown: req.config }];
  const canary = config.canary!;
  const since = sinceOf(config, req);
  const weight = weightOf(config, req);
  let obs: CanaryObservations;
  if (canary.source.files) {
    const read = async (arm: 'baseline' | 'canary') => {
      const shown = canary.source.files![arm];
      const origin = `canary.source.files.${arm} in ${config.source}`;
      const file = await inside(shown, origin);
      await requireFile(file, shown, origin);
      inputs.push({ role: `observations.${arm}`, file, shown });
      return { source: shown, windows: await readObservations(file, shown, since, req.now) };
    };
    obs = { baseline: await read('baseline'), canary: await read('canary') };
  } else {
    obs = await readPrometheus(canary.source.prometheus!, { since, now: req.now }, req.fetch);
  }
  const decided = decideCanary(canary, obs, { since, now: req.now, currentWeight: weight, generatedAt: req.generatedAt });
  const releaseCard = buildCanaryReleaseCard(decided, canary, await Promise.all(inputs.map(digest)), req.source ?? sourceFromEnv({}));
  const report: CanaryReport = { ...decided, release_id: releaseCard.release_id };
  return { config, report, releaseCard };
}
