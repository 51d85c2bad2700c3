/**
 * The canary stage's job summary / PR comment (markdown) and CLI text: the decision with its reason, one row
 * per comparison and ceiling (estimate, anytime-valid bound, threshold), and the facts behind it (looks so far,
 * requests per arm, age, weights). Text from the config (ceiling names, messages that quote it) is escaped.
 */
import type { CanaryCheck, CanaryReport } from '../core/canary/report.js';
import { escapeMarkdown } from './escape.js';

const ICON: Record<CanaryReport['canary_result'], string> = {
  promote: '✅ promote',
  continue: '⏳ continue',
  rollback: '❌ rollback',
  error: '⚠️ error'
};

const STATUS: Record<CanaryCheck['status'], string> = { violated: '❌ violated', non_inferior: '✅ within', undecided: '⏳ undecided' };

function num(x: number | null, digits = 4): string {
  if (x === null) return '∞';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(digits)));
}

function value(x: number | null, c: CanaryCheck): string {
  if (x === null) return '–';
  return c.metric === 'error_rate' ? `${num(100 * x, 3)} %` : `${num(x)} ms`;
}

/** The estimate with its anytime-valid bounds, in the check's measure. */
function estimate(c: CanaryCheck): string {
  const unit = c.measure === 'ratio' ? '×' : c.metric !== 'error_rate' ? ' ms' : c.measure === 'canary' ? ' %' : ' pt';
  const scale = c.metric === 'error_rate' && c.measure !== 'ratio' ? 100 : 1;
  const f = (x: number | null, open: string) => (x === null ? open : num(x * scale, 3));
  const est = c.estimate === null ? '–' : `${num(c.estimate * scale, 3)}${unit}`;
  return `${est} [${f(c.bound_low, '−∞')}, ${f(c.bound_high, '∞')}]`;
}

function threshold(c: CanaryCheck): string {
  if (c.kind === 'ceiling') return `≤ ${value(c.threshold, c)}`;
  if (c.measure === 'ratio') return `≤ ${num(c.threshold, 3)}×`;
  return c.metric === 'error_rate' ? `≤ +${num(100 * c.threshold, 3)} pt` : `≤ +${num(c.threshold)} ms`;
}

export interface CanaryMarkdownOptions {
  /** First line (the sticky comment's hidden marker). */
  header?: string;
  runUrl?: string;
  maxLength?: number;
}

export function renderCanaryMarkdown(report: CanaryReport, options: CanaryMarkdownOptions = {}): string {
  const k = report.canary;
  const lines: string[] = [];
  if (options.header) lines.push(options.header);
  lines.push(`### model-gate canary: ${ICON[report.canary_result]} (${k.rollout.current_weight} % → ${report.next_weight} %)`, '');
  lines.push(escapeMarkdown(k.decision.reason), '');
  lines.push('| check | baseline | canary | estimate [anytime bound] | allowed | result |', '|---|---:|---:|---|---|---|');
  const order = { violated: 0, undecided: 1, non_inferior: 2 };
  for (const c of [...k.checks].sort((a, b) => order[a.status] - order[b.status])) {
    const name = c.kind === 'ceiling' ? `ceiling \`${c.name.replace(/`/g, "'")}\`` : escapeMarkdown(c.name);
    lines.push(`| ${name} | ${value(c.baseline, c)} | ${value(c.canary, c)} | ${estimate(c)} | ${threshold(c)} | ${STATUS[c.status]} |`);
  }
  lines.push('');
  lines.push(
    `Looks so far: ${k.looks} windows since ${k.since} (${num(k.age_minutes, 4)} min; minimum ${k.min_duration_minutes}). ` +
      `Requests: baseline ${k.requests.baseline}, canary ${k.requests.canary} (minimum ${k.min_requests}). ` +
      `Errors: baseline ${k.errors.baseline}, canary ${k.errors.canary}.`
  );
  lines.push(
    `Rollout ${escapeMarkdown(k.rollout.strategy)} steps ${k.rollout.steps.join(' → ')} %; α = ${k.alpha} over the whole canary, ` +
      `split over ${k.checks.length} check${k.checks.length === 1 ? '' : 's'}; bounds are confidence sequences, valid however often this runs.`
  );
  if (options.runUrl) lines.push('', `[Run](${options.runUrl})`);
  let body = `${lines.join('\n')}\n`;
  if (options.maxLength !== undefined && body.length > options.maxLength) body = `${body.slice(0, options.maxLength - 20)}\n…(truncated)\n`;
  return body;
}

export function renderCanaryText(report: CanaryReport): string {
  const k = report.canary;
  const out = [`model-gate canary: ${report.canary_result} (weight ${k.rollout.current_weight} → ${report.next_weight})`, `  ${k.decision.reason}`];
  for (const c of k.checks) {
    out.push(`  ${c.status.padEnd(12)} ${c.name}: ${estimate(c)} allowed ${threshold(c)} — ${c.message}`);
  }
  out.push(`  looks ${k.looks}, requests baseline ${k.requests.baseline} / canary ${k.requests.canary}, age ${num(k.age_minutes, 4)} min`);
  return `${out.join('\n')}\n`;
}
