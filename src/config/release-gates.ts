/**
 * Semantic rules and defaults of the release-gate families (robustness, observability, rollback): what the
 * schema cannot say about how their keys relate. Runs on schema-valid data; family-semantics.ts calls in.
 */
import { parseDuration } from './duration.js';
import type { BurnRateWindow } from './family-types.js';
import { type Path, formatPath } from './source.js';

type Add = (path: Path, at: 'key' | 'value', message: string) => void;

/** The SRE Workbook's multiwindow profile for a 99.9 % SLO (seed 002): page at 14.4 and 6, ticket at 1. */
export const DEFAULT_BURN_RATE_WINDOWS: readonly BurnRateWindow[] = [
  { factor: 14.4, long: '1h', short: '5m' },
  { factor: 6, long: '6h', short: '30m' },
  { factor: 1, long: '3d', short: '6h' }
];

/** What an atomic rollback restores (seed 002): the whole release, not only the model. */
export const DEFAULT_ROLLBACK_COMPONENTS: readonly string[] = ['model', 'preprocessing', 'thresholds', 'runtime_params'];

export function releaseGateProblems(
  g: { robustness?: RawRobustness; observability?: RawObservability; rollback?: RawRollback },
  add: Add
): void {
  if (g.robustness) robustnessProblems(g.robustness, add);
  if (g.observability) observabilityProblems(g.observability, add);
}

function robustnessProblems(r: RawRobustness, add: Add): void {
  const seen = new Map<string, string>();
  r.suites.forEach((s, i) => {
    const path: Path = ['gates', 'robustness', 'suites', i];
    const at = formatPath(path);
    const first = seen.get(s.name);
    if (first !== undefined) add([...path, 'name'], 'value', `suite "${s.name}" at ${at} has the name of the suite at ${first}; give each suite its own name`);
    else seen.set(s.name, at);
    if (s.max_failure_rate === undefined && s.absolute_drop_allowed === undefined) {
      add(path, 'key', `${at} checks nothing; add max_failure_rate, or champion_results with absolute_drop_allowed`);
    }
    if (s.absolute_drop_allowed !== undefined && s.champion_results === undefined) {
      add(
        [...path, 'absolute_drop_allowed'],
        'key',
        `${at}.absolute_drop_allowed compares with the champion, but champion_results is not set; add the champion's results file`
      );
    }
    if (s.champion_results !== undefined && s.absolute_drop_allowed === undefined) {
      add(
        [...path, 'champion_results'],
        'key',
        `${at}.champion_results is read only for the paired comparison; add absolute_drop_allowed (the allowed drop of the pass rate) or remove it`
      );
    }
  });
}

function observabilityProblems(o: RawObservability, add: Add): void {
  const base: Path = ['gates', 'observability'];
  const names = new Set<string>();
  (o.slos ?? []).forEach((slo, i) => {
    if (names.has(slo.name)) add([...base, 'slos', i, 'name'], 'value', `SLO "${slo.name}" is declared twice in gates.observability.slos; keep one`);
    names.add(slo.name);
  });
  (o.burn_rate_windows ?? []).forEach((w, i) => {
    const path: Path = [...base, 'burn_rate_windows', i];
    const long = parseDuration(w.long);
    const short = parseDuration(w.short);
    for (const [key, ms] of [['long', long], ['short', short]] as const) {
      if (ms === null) {
        add([...path, key], 'value', `${formatPath([...path, key])} "${w[key]}" is not a Prometheus duration; write it like 5m, 1h or 3d`);
      }
    }
    if (long !== null && short !== null && short >= long) {
      add([...path, 'short'], 'value', `${formatPath(path)} has a short window (${w.short}) not shorter than its long window (${w.long}); swap them`);
    }
  });
}

export interface RawRobustness {
  suites: {
    name: string;
    results: string;
    champion_results?: string;
    format?: 'junit' | 'jsonl';
    max_failure_rate?: number;
    absolute_drop_allowed?: number;
    min_cases?: number;
  }[];
}

export interface RawObservability {
  alert_rules: string[];
  slos?: { name: string; objective: number }[];
  burn_rate_windows?: BurnRateWindow[];
  require_labels?: string[];
  require_annotations?: string[];
  logs?: { path: string; trace_field?: string; min_coverage: number };
}

export interface RawRollback {
  drill: string;
  max_drill_age_days?: number;
  max_rto_seconds?: number;
  required_components?: string[];
}
