/**
 * The action's inputs (docs/github.md), read once and turned into one typed settings object, as actions/checkout does.
 * Invalid values are GateErrors that name the input.
 */
import * as core from '@actions/core';
import { GateError } from '../base/errors.js';
import { parseInstant } from '../config/canary-semantics.js';
import { FAIL_ON_VALUES, type FailOn } from '../gate/fail-on.js';

export interface ActionSettings {
  workspace: string;
  tempDir: string;
  config: string;
  candidate?: string;
  champion?: string;
  championArtifact?: string;
  championRunId?: string;
  championWorkflow?: string;
  token: string;
  comment: boolean;
  commentId: string;
  failOn: FailOn;
  reportArtifact?: string;
  stage: 'offline' | 'canary';
  canaryWeight?: string;
  canarySince?: string;
  /** The run's clock: the current time, or MODEL_GATE_NOW (ISO 8601) in tests (backfilled data, fixed drill ages). */
  now?: string;
}

function optional(name: string): string | undefined {
  const v = core.getInput(name).trim();
  return v === '' ? undefined : v;
}

function booleanInput(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new GateError(`input ${name} must be true or false, not "${core.getInput(name).trim()}"`, { key: name });
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): ActionSettings {
  const token = core.getInput('github-token');
  if (token) core.setSecret(token);
  const failOn = (optional('fail-on') ?? 'never') as FailOn;
  if (!FAIL_ON_VALUES.includes(failOn)) {
    throw new GateError(`input fail-on must be one of never, fail, soft_fail, not "${failOn}"`, { key: 'fail-on' });
  }
  const commentId = optional('comment-id') ?? 'default';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(commentId)) {
    throw new GateError(
      `input comment-id may use letters, digits, ".", "_" and "-" (at most 64), not "${commentId}"`,
      { key: 'comment-id' }
    );
  }
  const stage = optional('stage') ?? 'offline';
  if (stage !== 'offline' && stage !== 'canary') {
    throw new GateError(`input stage must be offline or canary, not "${stage}"`, { key: 'stage' });
  }
  return {
    stage,
    canaryWeight: optional('canary-weight'),
    canarySince: optional('canary-since'),
    now: env.MODEL_GATE_NOW?.trim() || undefined,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    tempDir: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
    config: optional('config') ?? '.github/model-gate.yml',
    candidate: optional('candidate'),
    champion: optional('champion'),
    championArtifact: optional('champion-artifact'),
    championRunId: optional('champion-run-id'),
    championWorkflow: optional('champion-workflow'),
    token,
    comment: booleanInput('comment', true),
    commentId,
    failOn,
    reportArtifact: optional('report-artifact')
  };
}

/** The run's time in epoch ms: MODEL_GATE_NOW when set (it must be valid), else the current time. */
export function runClock(s: Pick<ActionSettings, 'now'>, current: () => number = Date.now): number {
  if (s.now === undefined) return current();
  const now = parseInstant(s.now);
  if (Number.isNaN(now)) throw new GateError(`MODEL_GATE_NOW must be an ISO 8601 time with a zone, not "${s.now}"`);
  return now;
}
