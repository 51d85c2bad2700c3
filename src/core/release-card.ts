/**
 * The release card (the seeds' "release contract"): what was released, checked how, with what result, in one
 * small JSON file next to the report — so a rollout can be traced to the exact bytes that passed the gate.
 *
 *   release_id  "mg-" + the first 16 hex digits of SHA-256 over the lines `role TAB sha256 LF` of every
 *               artifact (config included), sorted by role. Content-addressed: the same config, predictions,
 *               model, tables and load tests give the same id on any machine; changing any of them (the
 *               release unit) gives a new one. The commit and run are recorded beside it, not in it.
 *   artifacts   role, path (relative to the workspace), sha256, bytes (and files, for a model directory).
 *   gates       seed 002's seven gates (release-gates.ts), `not_configured` where nothing was set;
 *               decision: gate_result, auto_merge, waived (and by whom).
 *   rollout     the canary plan (strategy, steps, auto_rollback_on) from the config's canary section, or null.
 *
 * Pure: digests and source facts come from the shell.
 */
import { createHash } from 'node:crypto';
import type { GateConfig } from '../config/types.js';
import { releaseGates, type ReleaseGates } from './release-gates.js';
import type { CheckStatus, GateResult, Report, Waiver } from './report.js';

export interface ArtifactDigest {
  /** `config`, `candidate`, `champion`, `operations`, `champion_operations`, `model`, `data.reference`, … */
  role: string;
  path: string;
  /** Lowercase hex SHA-256 of the file; for a directory, of the lines `relative/path TAB sha256 LF` of its files sorted by path. Null when the file does not exist. */
  sha256: string | null;
  bytes: number | null;
  files?: number;
}

/** Where the release came from, when the CI tells (GITHUB_* variables). */
export interface ReleaseSource {
  repository: string | null;
  commit: string | null;
  ref: string | null;
  run_id: string | null;
  run_attempt: string | null;
}

export interface ReleaseCard {
  release_id: string;
  generated_at: string;
  source: ReleaseSource;
  decision: { gate_result: GateResult; auto_merge: boolean; waived: boolean; waiver: Waiver | null };
  summary: string;
  test_set: Report['test_set'];
  artifacts: ArtifactDigest[];
  gates: ReleaseGates;
  rollout: Rollout | null;
  checks: Record<CheckStatus, number> & { total: number };
  /** The report's file name (it sits in the same directory), set by the writer. */
  report: string | null;
}

/** The rollout plan a release follows, copied from the config's canary section. */
export interface Rollout {
  strategy: string | null;
  steps: number[] | null;
  auto_rollback_on: string[] | null;
}

/** The rollout plan of the config's canary section, or null without one. */
export function rolloutOf(config: Pick<GateConfig, 'canary'>): Rollout | null {
  const c = config.canary;
  if (!c || (!c.rollout && !c.auto_rollback_on)) return null;
  return {
    strategy: c.rollout?.strategy ?? null,
    steps: c.rollout?.steps ? [...c.rollout.steps] : null,
    auto_rollback_on: c.auto_rollback_on ? [...c.auto_rollback_on] : null
  };
}

/** The content-addressed release id of a set of artifacts (see the file comment). */
export function releaseId(artifacts: readonly ArtifactDigest[]): string {
  const lines = artifacts
    .map((a) => `${a.role}\t${a.sha256 ?? 'missing'}\n`)
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    .join('');
  return `mg-${createHash('sha256').update(lines, 'utf8').digest('hex').slice(0, 16)}`;
}

export function buildReleaseCard(
  report: Report,
  artifacts: readonly ArtifactDigest[],
  source: ReleaseSource,
  rollout: Rollout | null = null
): ReleaseCard {
  const checks = { total: report.checks.length, pass: 0, fail: 0, inconclusive: 0, skipped: 0 };
  for (const c of report.checks) checks[c.status]++;
  return {
    release_id: releaseId(artifacts),
    generated_at: report.generated_at,
    source,
    decision: { gate_result: report.gate_result, auto_merge: report.auto_merge, waived: report.waived, waiver: report.waiver },
    summary: report.summary,
    test_set: report.test_set,
    artifacts: [...artifacts],
    gates: releaseGates(report),
    rollout,
    checks,
    report: null
  };
}
