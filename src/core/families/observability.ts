/**
 * The observability gate (seed 002: "alerts exist, but ownership and runbook are not assigned" must block a
 * release). Pure. Rows:
 *
 *   `alert_labels`       every alerting rule carries each required label (default severity, owner), non-empty;
 *   `alert_annotations`  every alerting rule carries each required annotation (default runbook_url), non-empty;
 *                        recording rules are exempt; rule files without any alerting rule fail both;
 *   `burn_rate:<slo>`    the SLO's alerts (label `slo` = its name) cover every window pair of burn_rate_windows;
 *   `trace_coverage`     share of log records with a non-empty trace id, passes iff the lower bound of its
 *                        Clopper–Pearson interval at ci.confidence_level is ≥ min_coverage.
 */
import { parseDuration } from '../../config/duration.js';
import type { GateConfig, ObservabilityGate } from '../../config/types.js';
import { fmt, fmtLevel, fmtPercent } from '../format.js';
import { severityOf } from '../policy.js';
import type { CheckResult } from '../report.js';
import { quote } from '../../base/text.js';
import { clopperPearson } from '../../stats/clopper-pearson.js';
import { hasWindowPair } from './burn-rate.js';
import type { AlertRule } from '../../readers/artifacts/alert-rules.js';
import type { LogCoverage, ObservabilityFacts } from '../../readers/artifacts/observability.js';



export function observabilityChecks(config: GateConfig, facts: ObservabilityFacts | undefined): CheckResult[] {
  const gate = config.gates.observability;
  if (!gate) return [];
  if (!facts) throw new Error('gates.observability without facts: the shell should have read the rule files');
  const base = {
    gate: 'observability' as const,
    metric: null,
    segment: null,
    group: null,
    severity: severityOf(config.policy, 'observability'),
    champion: null,
    delta: null,
    ci_low: null,
    ci_high: null,
    ci_method: null
  };
  const alerts = facts.rules.flatMap((f) => f.alerts);
  const files = facts.rules.map((f) => f.file).join(', ');
  const rows: CheckResult[] = [];
  const required = [
    ['alert_labels', 'label', gate.require_labels, (a: AlertRule) => a.labels],
    ['alert_annotations', 'annotation', gate.require_annotations, (a: AlertRule) => a.annotations]
  ] as const;
  for (const [name, word, keys, of] of required) {
    if (keys.length === 0) continue;
    const row = { ...base, name, n: alerts.length, threshold: 0, rule: 'max_value' as const, direction: -1 as const };
    if (alerts.length === 0) {
      rows.push({ ...row, status: 'fail', candidate: null, message: `${files} hold no alerting rule: nobody is paged when the model misbehaves` });
      continue;
    }
    const lacking = alerts
      .map((a) => ({ a, missing: keys.filter((k) => (of(a)[k] ?? '').trim() === '') }))
      .filter((x) => x.missing.length > 0);
    const shown = lacking
      .slice(0, 5)
      .map((x) => `${x.a.file}:${x.a.line} alert ${quote(x.a.alert)} lacks ${x.missing.join(', ')}`)
      .join('; ');
    const more = lacking.length > 5 ? `; and ${lacking.length - 5} more` : '';
    rows.push({
      ...row,
      status: lacking.length === 0 ? 'pass' : 'fail',
      candidate: lacking.length,
      message:
        lacking.length === 0
          ? `all ${alerts.length} alerts carry ${word}${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`
          : `${lacking.length} of ${alerts.length} alerts lack a required ${word}: ${shown}${more}`
    });
  }
  for (const slo of gate.slos) rows.push({ ...base, ...burnRateRow(gate, slo, alerts) });
  if (gate.logs) rows.push({ ...base, ...coverageRow(config, gate.logs, facts.logs) });
  return rows;
}

function burnRateRow(gate: ObservabilityGate, slo: ObservabilityGate['slos'][number], alerts: readonly AlertRule[]) {
  const mine = alerts.filter((a) => a.labels.slo === slo.name);
  const pairs = gate.burn_rate_windows;
  const missing = pairs.filter((w) => {
    const long = parseDuration(w.long)!;
    const short = parseDuration(w.short)!;
    return !mine.some((a) => hasWindowPair(a.expr, w.factor, slo.objective, long, short));
  });
  const describe = (w: (typeof pairs)[number]) => `${w.factor} over ${w.long} and ${w.short} (> ${fmt(w.factor * (1 - slo.objective))})`;
  const message =
    mine.length === 0
      ? `no alert carries the label slo: ${quote(slo.name)}, so the SLO has no burn-rate alert; add ${pairs.map(describe).join(', ')}`
      : missing.length === 0
        ? `${mine.length} alerts cover every window pair: ${pairs.map(describe).join(', ')}`
        : `the alerts with slo: ${quote(slo.name)} lack the burn rate ${missing.map(describe).join(', ')}`;
  return {
    name: `burn_rate:${slo.name}`,
    n: mine.length,
    status: missing.length === 0 ? ('pass' as const) : ('fail' as const),
    candidate: pairs.length - missing.length,
    threshold: pairs.length,
    rule: 'min_value' as const,
    direction: 1 as const,
    message
  };
}

function coverageRow(config: GateConfig, spec: NonNullable<ObservabilityGate['logs']>, logs: LogCoverage | undefined) {
  if (!logs) throw new Error('gates.observability.logs without facts: the shell should have read the log sample');
  const level = config.ci.confidence_level;
  const base = {
    name: 'trace_coverage',
    n: logs.records,
    threshold: spec.min_coverage,
    rule: 'min_value' as const,
    direction: 1 as const
  };
  if (logs.records === 0) {
    return { ...base, status: 'inconclusive' as const, candidate: null, message: `${logs.file} holds no log record: coverage unknown` };
  }
  const share = logs.traced / logs.records;
  const ci = clopperPearson(logs.traced, logs.records, level);
  const pass = ci.low >= spec.min_coverage;
  return {
    ...base,
    status: pass ? ('pass' as const) : ('fail' as const),
    candidate: share,
    ci_low: ci.low,
    ci_high: ci.high,
    ci_method: 'clopper-pearson',
    message:
      `${logs.traced} of ${logs.records} records in ${logs.file} carry a ${logs.field}: ${fmt(share)}, ${fmtLevel(level)} exact CI ` +
      `[${fmt(ci.low)}, ${fmt(ci.high)}]; lower bound ${pass ? '≥' : '<'} the required ${fmtPercent(spec.min_coverage)}`
  };
}
