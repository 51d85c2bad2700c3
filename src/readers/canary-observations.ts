/**
 * JSON Lines observation files of the canary stage, one line per time window:
 * {"time": ISO 8601, "requests": N, "errors": E, "latency_ms": {"<upper bound ms>": cumulative count, …, "+Inf": N}}.
 * Lines before `since` are left out. Every mistake names the file, the line and the field.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Window } from './canary-window.js';
import { parseInstant } from '../config/canary-semantics.js';
import { GateError } from '../base/errors.js';
import type { Histogram } from '../stats/quantile-cs.js';

/** Observation files larger than this are refused (a day of minute windows is well under 1 MiB). */
export const MAX_OBSERVATION_BYTES = 64 * 1024 * 1024;

function fail(shown: string, line: number, message: string): never {
  throw new GateError(`${shown}:${line}: ${message}`, { file: shown, line });
}

function count(v: unknown, shown: string, line: number, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    fail(shown, line, `"${field}" must be a count (a number ≥ 0), not ${JSON.stringify(v)?.slice(0, 40)}`);
  }
  return v;
}

function histogram(v: unknown, shown: string, line: number): Histogram {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    fail(shown, line, '"latency_ms" must be an object of cumulative bucket counts like {"100": 90, "250": 99, "+Inf": 100}');
  }
  const entries = Object.entries(v as Record<string, unknown>);
  let total: number | undefined;
  const finite: Array<[number, number]> = [];
  for (const [k, c] of entries) {
    const n = count(c, shown, line, `latency_ms.${k}`);
    if (k === '+Inf' || k === 'Inf' || k === 'inf') total = n;
    else {
      const bound = Number(k);
      if (k.trim() === '' || !Number.isFinite(bound) || bound < 0) fail(shown, line, `latency_ms key "${k}" must be a bucket's upper bound in ms or "+Inf"`);
      finite.push([bound, n]);
    }
  }
  if (total === undefined) fail(shown, line, 'latency_ms needs a "+Inf" bucket with the count of all requests measured');
  finite.sort((a, b) => a[0] - b[0]);
  let prev = 0;
  for (const [bound, n] of finite) {
    if (n < prev) fail(shown, line, `latency_ms counts must be cumulative (not decreasing with the bound); "${bound}" has ${n} after ${prev}`);
    prev = n;
  }
  if (total < prev) fail(shown, line, `latency_ms "+Inf" (${total}) is below the count of a finite bucket (${prev}); counts are cumulative`);
  return { bounds: finite.map((f) => f[0]), cumulative: finite.map((f) => f[1]), total };
}

/** Parse an observation file's text (pure); windows before `since` (ms) or after `now` are left out. */
export function parseObservations(text: string, shown: string, since: number, now: number): Window[] {
  const windows: Window[] = [];
  const lines = text.split('\n');
  let bounds: readonly number[] | undefined;
  let boundsLine = 0;
  const seen = new Map<number, number>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = i === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (t.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(t);
    } catch {
      fail(shown, line, 'not a JSON object; each line must be one window like {"time": "2026-11-30T10:01:00Z", "requests": 120, "errors": 1}');
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) fail(shown, line, 'each line must be a JSON object (one window)');
    const o = obj as Record<string, unknown>;
    const time = typeof o.time === 'string' ? parseInstant(o.time) : NaN;
    if (Number.isNaN(time)) fail(shown, line, `"time" must be an ISO 8601 time with a zone like 2026-11-30T10:01:00Z, not ${JSON.stringify(o.time)?.slice(0, 40)}`);
    const requests = count(o.requests, shown, line, 'requests');
    const errors = count(o.errors, shown, line, 'errors');
    if (errors > requests) fail(shown, line, `"errors" (${errors}) exceeds "requests" (${requests})`);
    const earlier = seen.get(time);
    if (earlier !== undefined) fail(shown, line, `window ${o.time as string} repeats line ${earlier}; each window once`);
    seen.set(time, line);
    const w: Window = { time, requests, errors };
    if (o.latency_ms !== undefined) {
      const h = histogram(o.latency_ms, shown, line);
      if (bounds && (bounds.length !== h.bounds.length || bounds.some((b, j) => b !== h.bounds[j]))) {
        fail(shown, line, `latency_ms has other bucket bounds than line ${boundsLine}; every window of a file needs the same buckets`);
      }
      bounds ??= h.bounds;
      boundsLine ||= line;
      w.latency = h;
    }
    if (time >= since && time <= now) windows.push(w);
  });
  return windows.sort((a, b) => a.time - b.time);
}

export async function readObservations(file: string, shown: string, since: number, now: number): Promise<Window[]> {
  let text: string;
  try {
    const st = await stat(file);
    if (st.size > MAX_OBSERVATION_BYTES) {
      throw new GateError(`${shown}: the observation file is ${Math.round(st.size / 1048576)} MiB, over the 64 MiB limit; keep one line per window`, { file: shown });
    }
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof GateError) throw e;
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string') throw e;
    throw new GateError(`cannot read ${shown} (${code}); check that it exists and is readable`, { file: shown });
  }
  return parseObservations(text, shown, since, now);
}
