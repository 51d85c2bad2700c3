/**
 * The robustness gate: suites of pass/fail cases (edge cases, degraded dependencies, prompt injection, unsafe
 * tool calls). Pure. Per suite, up to two rows:
 *
 *   `<suite>:failure_rate`     failures / cases (skipped cases left out), passes iff the upper bound of the
 *                              two-sided Clopper–Pearson interval at ci.confidence_level is ≤ max_failure_rate,
 *                              so a small suite cannot pass by luck.
 *   `<suite>:pass_rate_delta`  pass rate(candidate) − pass rate(champion) on the cases both ran (paired by id),
 *                              Newcombe's paired interval (method 10); non-inferior iff its lower bound > −margin.
 *
 * Fewer cases than `min_cases` (after skips) → inconclusive. A case id in only one of the two runs breaks the
 * fixed-test-set rule and is an error naming how many.
 */
import type { GateConfig, RobustnessSuite } from '../../config/types.js';
import { fmt, fmtLevel, fmtPercent, fmtSigned } from '../format.js';
import { severityOf } from '../policy.js';
import type { CheckResult } from '../report.js';
import { GateError } from '../../base/errors.js';
import { formatId } from '../../base/text.js';
import { clopperPearson } from '../../stats/clopper-pearson.js';
import { newcombePaired, pairedTableSize, type PairedTable } from '../../stats/newcombe.js';
import type { CaseResult, SuiteFacts } from '../../readers/artifacts/robustness-cases.js';

export function robustnessChecks(config: GateConfig, suites: readonly SuiteFacts[] | undefined): CheckResult[] {
  const gate = config.gates.robustness;
  if (!gate) return [];
  if (!suites) throw new Error('gates.robustness without results: the shell should have read the suites');
  const rows: CheckResult[] = [];
  gate.suites.forEach((spec) => {
    const facts = suites.find((s) => s.name === spec.name);
    if (!facts) throw new Error(`robustness suite ${spec.name} was not read`);
    if (spec.max_failure_rate !== undefined) rows.push(failureRateRow(config, spec, facts));
    if (spec.absolute_drop_allowed !== undefined) rows.push(pairedRow(config, spec, facts));
  });
  return rows;
}

const counted = (cases: readonly CaseResult[]) => cases.filter((c) => c.outcome !== 'skipped');

function baseRow(config: GateConfig, spec: RobustnessSuite, kind: 'failure_rate' | 'pass_rate_delta') {
  return {
    gate: 'robustness' as const,
    name: `${spec.name}:${kind}`,
    metric: null,
    segment: null,
    group: null,
    severity: severityOf(config.policy, 'robustness')
  };
}

function failureRateRow(config: GateConfig, spec: RobustnessSuite, facts: SuiteFacts): CheckResult {
  const level = config.ci.confidence_level;
  const max = spec.max_failure_rate!;
  const cases = counted(facts.candidate.cases);
  const n = cases.length;
  const failures = cases.filter((c) => c.outcome === 'fail').length;
  const champCases = facts.champion ? counted(facts.champion.cases) : [];
  const champion = champCases.length > 0 ? champCases.filter((c) => c.outcome === 'fail').length / champCases.length : null;
  const skipped = facts.candidate.cases.length - n;
  const skippedNote = skipped > 0 ? ` (${skipped} skipped, left out)` : '';
  const base = {
    ...baseRow(config, spec, 'failure_rate'),
    n,
    champion,
    delta: null,
    threshold: max,
    rule: 'max_value' as const,
    direction: -1 as const
  };
  if (n === 0 || n < spec.min_cases) {
    return {
      ...base,
      status: 'inconclusive',
      candidate: n > 0 ? failures / n : null,
      ci_low: null,
      ci_high: null,
      ci_method: null,
      message:
        n === 0
          ? `${facts.candidate.file} has no case that ran${skippedNote}: nothing to judge`
          : `only ${n} cases${skippedNote}, fewer than min_cases (${spec.min_cases}): too few to decide`
    };
  }
  const ci = clopperPearson(failures, n, level);
  const pass = ci.high <= max;
  return {
    ...base,
    status: pass ? 'pass' : 'fail',
    candidate: failures / n,
    ci_low: ci.low,
    ci_high: ci.high,
    ci_method: 'clopper-pearson',
    message:
      `${failures} of ${n} cases failed${skippedNote}: rate ${fmt(failures / n)}, ${fmtLevel(level)} exact CI ` +
      `[${fmt(ci.low)}, ${fmt(ci.high)}]; upper bound ${pass ? '≤' : '>'} the allowed ${fmtPercent(max)}` +
      (pass ? '' : ' (the suite may fail more often than allowed)')
  };
}

function pairedRow(config: GateConfig, spec: RobustnessSuite, facts: SuiteFacts): CheckResult {
  const level = config.ci.confidence_level;
  const margin = spec.absolute_drop_allowed!;
  const champ = facts.champion;
  if (!champ) throw new Error(`robustness suite ${spec.name}: champion_results was not read`);
  const mine = new Map(facts.candidate.cases.map((c) => [c.id, c.outcome]));
  const theirs = new Map(champ.cases.map((c) => [c.id, c.outcome]));
  const onlyCandidate = [...mine.keys()].filter((id) => !theirs.has(id));
  const onlyChampion = [...theirs.keys()].filter((id) => !mine.has(id));
  if (onlyCandidate.length + onlyChampion.length > 0) {
    const parts: string[] = [];
    const examples = (ids: string[]) => ids.slice(0, 3).map(formatId).join(', ');
    if (onlyCandidate.length) parts.push(`${onlyCandidate.length} only in ${facts.candidate.file} (${examples(onlyCandidate)})`);
    if (onlyChampion.length) parts.push(`${onlyChampion.length} only in ${champ.file} (${examples(onlyChampion)})`);
    throw new GateError(
      `robustness suite "${spec.name}": ${onlyCandidate.length + onlyChampion.length} case ids are in only one run — ` +
        `${parts.join('; ')}; both models must run the same cases to be compared.`,
      { file: facts.candidate.file }
    );
  }
  const table: PairedTable = { both: 0, candidateOnly: 0, championOnly: 0, neither: 0 };
  let leftOut = 0;
  for (const [id, a] of mine) {
    const b = theirs.get(id)!;
    if (a === 'skipped' || b === 'skipped') {
      leftOut++;
      continue;
    }
    if (a === 'pass' && b === 'pass') table.both++;
    else if (a === 'pass') table.candidateOnly++;
    else if (b === 'pass') table.championOnly++;
    else table.neither++;
  }
  const n = pairedTableSize(table);
  const skippedNote = leftOut > 0 ? ` (${leftOut} skipped in either run, left out)` : '';
  const base = {
    ...baseRow(config, spec, 'pass_rate_delta'),
    n,
    threshold: -margin,
    rule: 'non_inferior' as const,
    direction: 1 as const
  };
  if (n === 0 || n < spec.min_cases) {
    return {
      ...base,
      status: 'inconclusive',
      candidate: null,
      champion: null,
      delta: null,
      ci_low: null,
      ci_high: null,
      ci_method: null,
      message:
        n === 0
          ? `no case ran in both runs${skippedNote}: nothing to compare`
          : `only ${n} paired cases${skippedNote}, fewer than min_cases (${spec.min_cases}): too few to decide`
    };
  }
  const r = newcombePaired(table, level);
  const pass = r.low > -margin;
  return {
    ...base,
    status: pass ? 'pass' : 'fail',
    candidate: r.candidate,
    champion: r.champion,
    delta: r.delta,
    ci_low: r.low,
    ci_high: r.high,
    ci_method: 'newcombe-paired',
    message:
      `pass rate ${fmt(r.candidate)} vs the champion's ${fmt(r.champion)} on ${n} paired cases${skippedNote}; ` +
      `${table.championOnly} now failing, ${table.candidateOnly} now passing: Δ ${fmtSigned(r.delta)}, ${fmtLevel(level)} CI ` +
      `[${fmtSigned(r.low)}, ${fmtSigned(r.high)}]; lower bound ${pass ? '>' : '≤'} ${fmtSigned(-margin)}: ` +
      (pass ? 'non-inferior within the margin' : 'a drop beyond the margin is not ruled out')
  };
}
