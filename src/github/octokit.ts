/**
 * The one REST client of the action: @actions/github's Octokit (proxy support, user agent) with one retry hook
 * that shares a wait budget across the whole run. Transient 5xx and network errors are retried with a short
 * backoff; rate limits (429, and 403 secondary or exhausted primary limits) are waited out as GitHub asks
 * (Retry-After, or the reset time), but never beyond the budget: the verdict does not wait on GitHub, so past
 * about a minute the request fails and its caller goes on without it (a warning for the comment).
 */
import * as core from '@actions/core';
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';

export type Octokit = InstanceType<typeof GitHub>;

/** How long a whole run may spend waiting on GitHub, in seconds. */
export const WAIT_BUDGET_SECONDS = 60;
/** Transient failures (5xx, network) are retried this often, after 1, 2, 4 s. */
const SERVER_RETRIES = 3;
/** Rate limits are waited out at most this often per request. */
const LIMIT_RETRIES = 2;

/** The waits of one run against one total: the sleep is injectable so tests never take real seconds. */
export interface WaitBudget {
  /** Waits `seconds` if the total allows and returns true; otherwise returns false at once. */
  wait(seconds: number): Promise<boolean>;
  /** Seconds waited so far. */
  readonly spent: number;
  readonly total: number;
  /** Epoch milliseconds, for rate-limit reset times (injectable like the sleep). */
  now(): number;
}

export function waitBudget(
  total = WAIT_BUDGET_SECONDS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => number = () => Date.now()
): WaitBudget {
  let spent = 0;
  return {
    total,
    now,
    get spent() {
      return spent;
    },
    async wait(seconds: number) {
      if (!(seconds >= 0) || spent + seconds > total) return false;
      spent += seconds;
      if (seconds > 0) await sleep(seconds * 1000);
      return true;
    }
  };
}

export interface ClientOptions {
  /** GITHUB_API_URL, read by the caller at run time (the import-time default of @actions/github is not). */
  baseUrl: string;
  /** Shared by every request of the run; default: a fresh one-minute budget with real sleeps. */
  budget?: WaitBudget;
}

interface FailedRequest {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** Seconds GitHub asks us to wait before retrying a rate-limited request, or undefined when it is no limit. */
export function rateLimitWait(e: unknown, nowMs: number): number | undefined {
  const err = (e ?? {}) as FailedRequest;
  const headers = err.response?.headers ?? {};
  const text = `${err.message ?? ''} ${JSON.stringify(err.response?.data ?? '')}`;
  const limited =
    err.status === 429 || (err.status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(text)));
  if (!limited) return undefined;
  const after = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(after) && after >= 0) return Math.ceil(after);
  const reset = Number(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) return Math.max(0, Math.ceil(reset - nowMs / 1000) + 1);
  // A secondary limit without Retry-After: GitHub asks for at least a minute, which is the whole budget.
  return 60;
}

/** A POST other than GraphQL's query endpoint may have taken effect before it failed: its caller decides. */
function idempotent(method: string, url: string): boolean {
  return method !== 'POST' || /^\/?graphql$/.test(url) || url.endsWith('/graphql');
}

export function createOctokit(token: string, options: ClientOptions): Octokit {
  const budget = options.budget ?? waitBudget();
  const octokit = new GitHub(
    getOctokitOptions(token, {
      baseUrl: options.baseUrl,
      log: { debug: core.debug, info: core.debug, warn: core.debug, error: core.debug }
    })
  );
  octokit.hook.wrap('request', async (request, opts) => {
    const what = `${opts.method} ${String(opts.url)}`;
    for (let server = 0, limits = 0; ; ) {
      try {
        return await request(opts);
      } catch (e) {
        const limit = rateLimitWait(e, budget.now());
        let seconds: number | undefined;
        if (limit !== undefined && limits < LIMIT_RETRIES) {
          limits++;
          seconds = limit;
        } else if (limit === undefined && transient(e) && idempotent(opts.method, String(opts.url)) && server < SERVER_RETRIES) {
          seconds = 2 ** server++;
        }
        if (seconds === undefined) throw e;
        if (!(await budget.wait(seconds))) {
          core.warning(
            `GitHub asked model-gate to wait ${seconds} s on ${what}, past the ${budget.total} s it waits on GitHub per run ` +
              `(${budget.spent} s spent); going on without it.`
          );
          throw e;
        }
        core.info(`model-gate: ${what} failed (${apiReason(e)}); retried after ${seconds} s`);
      }
    }
  });
  return octokit;
}

/** A 5xx answer or no answer at all: worth another try. */
export function transient(e: unknown): boolean {
  const status = httpStatus(e);
  return status === undefined || status >= 500;
}

/** The HTTP status of a failed request (RequestError and friends), or undefined for network errors. */
export function httpStatus(e: unknown): number | undefined {
  const status = (e as { status?: unknown } | null)?.status;
  // @octokit/request reports a failed fetch (no response at all) as status 500.
  return typeof status === 'number' && !(status === 500 && !(e as { response?: unknown }).response) ? status : undefined;
}

/** A short reason for logs: `403 Resource not accessible by integration`, or the network error's text. */
export function apiReason(e: unknown): string {
  const status = httpStatus(e);
  const data = (e as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  const message = typeof data?.message === 'string' ? data.message : e instanceof Error ? e.message : String(e);
  return status !== undefined ? `${status} ${message}` : message;
}
