/**
 * What the runner tells a step about its run (docs/github.md inputs aside): the event, the repository, the run and its
 * URL. Read once from the environment and the event payload file, so everything after it is a plain value.
 */
import { readFileSync } from 'node:fs';

export interface Repo {
  owner: string;
  repo: string;
}

export interface RunContext {
  eventName: string;
  /** The event payload (GITHUB_EVENT_PATH), or `{}` when the runner gave none. */
  payload: Record<string, unknown>;
  repo?: Repo;
  runId?: number;
  /** GITHUB_SHA: on a push, the commit pushed (for a merged PR, the commit it was merged as). */
  sha?: string;
  serverUrl: string;
  apiUrl: string;
  /** `${server}/${owner}/${repo}/actions/runs/${id}`, for the verdict's details. */
  runUrl?: string;
}

function readPayload(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    // A missing or unreadable payload only costs the PR features; the gate itself does not need it.
    return {};
  }
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && repo ? { owner, repo } : undefined;
  const runId = /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? Number(env.GITHUB_RUN_ID) : undefined;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload: readPayload(env.GITHUB_EVENT_PATH),
    repo: repository,
    runId,
    sha: /^[0-9a-f]{40}$/i.test(env.GITHUB_SHA ?? '') ? env.GITHUB_SHA : undefined,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: repository && runId !== undefined ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined
  };
}

/** A nested field of an untyped payload, or undefined when any step of the path is missing. */
export function field(value: unknown, ...keys: (string | number)[]): unknown {
  let v = value;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}
