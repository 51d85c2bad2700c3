/**
 * The one REST client of the action: @actions/github's Octokit (proxy support, user agent) with the retry and
 * throttling plugins, so transient 5xx errors and rate limits are waited out rather than turned into warnings.
 */
import * as core from '@actions/core';
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

const Client = GitHub.plugin(retry, throttling);
export type Octokit = InstanceType<typeof Client>;

export interface ClientOptions {
  /** GITHUB_API_URL, read by the caller at run time (the import-time default of @actions/github is not). */
  baseUrl: string;
  /** Seconds are multiplied by this; tests shrink it so retries do not take real seconds. */
  retryAfterBaseValue?: number;
}

/** Waits out a rate limit at most twice; a gate run is not worth more than a couple of minutes of waiting. */
const RATE_LIMIT_RETRIES = 2;

export function createOctokit(token: string, options: ClientOptions): Octokit {
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _o: unknown, retryCount: number) => {
    core.warning(`GitHub ${kind} rate limit hit on ${request.method} ${request.url}; retrying after ${retryAfter} s`);
    return retryCount < RATE_LIMIT_RETRIES;
  };
  const base = options.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: options.retryAfterBaseValue } : {};
  return new Client(
    getOctokitOptions(token, {
      baseUrl: options.baseUrl,
      log: { debug: core.debug, info: core.debug, warn: core.debug, error: core.debug },
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        ...base
      },
      // Client errors are answers, not glitches: only 5xx and network errors are retried (three times).
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], ...base }
    })
  );
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
