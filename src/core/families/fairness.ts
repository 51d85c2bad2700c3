/**
 * The fairness gate (docs/config.md): for each attribute in `groups`, the candidate's metric per group value, the gap
 * max − min over the groups, and pass iff gap ≤ `max_group_gap`. Groups with fewer rows than
 * `min_group_samples`, or where the metric is undefined (tpr in a group without positives: scikit-learn's
 * zero_division would make it 0 and fake a gap), are listed but left out.
 *
 * With `max_gap_increase: a` and a champion, a second row asks whether the candidate widened the gap:
 * Δgap = gap(candidate) − gap(champion) on the same groups, with a paired bootstrap interval, passes iff its
 * upper bound is below a. The bootstrap resamples the joint (group × label × champion × candidate) cell counts,
 * one multinomial draw per resample — exactly resampling rows, as for the confusion metrics (docs/statistics.md); a group
 * whose metric is undefined in a resample sits out that resample's gaps. Pure.
 */
import type { CiSettings, FairnessGate, GateConfig } from '../../config/types.js';
import { cellsBootstrap } from '../../stats/bootstrap.js';
import { metricInfo, type MetricInfo } from '../../stats/catalog.js';
import { binaryMetric, confusionOf, confusionUndefined, pairedCells, PAIRED_CELLS, type Confusion } from '../../stats/confusion.js';
import { deriveSeed } from '../../stats/prng.js';
import { canonicalKey } from '../../base/values.js';
import type { PairedData } from '../../readers/paired-data.js';
import type { TextColumn } from '../../readers/text-column.js';
import type { GroupValue } from '../details.js';
import { estimateMetric, NotEstimable } from '../estimate.js';
import { fmt, fmtLevel, fmtSigned } from '../format.js';
import { severityOf } from '../policy.js';
import type { CheckResult } from '../report.js';
import { subsetRows } from '../../readers/subset.js';
import { examplesIn } from '../weights.js';
import { compactClusters } from '../../stats/cluster.js';
import { checkId } from '../summary.js';

interface Group {
  key: string;
  text: string;
  rows: number[];
}

/** The rows of each value of a column, by canonical key, in key order (so the report does not depend on row order). */
function groupRows(cells: TextColumn): Group[] {
  const byKey = new Map<string, Group>();
  // One group per canonical key; distinct texts with the same key (" A", "a") share it.
  const groupOf = cells.values.map((text) => {
    const key = canonicalKey(text);
    let g = byKey.get(key);
    if (!g) {
      g = { key, text: text.trim(), rows: [] };
      byKey.set(key, g);
    }
    return g;
  });
  const { codes } = cells;
  for (let i = 0; i < codes.length; i++) groupOf[codes[i]!]!.rows.push(i);
  // A subset's column keeps every value of the whole column: only the values its rows hold are groups.
  return [...byKey.values()].filter((g) => g.rows.length > 0).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

type Point = { value: number } | { reason: string };

/** One model's metric on a group's rows (point estimate only). */
function pointValue(info: MetricInfo, sub: PairedData, which: 'candidate' | 'champion', ci: CiSettings): Point {
  const model = which === 'candidate' ? sub.candidate : sub.champion!;
  if (info.kind === 'confusion' && info.task === 'binary') {
    const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
    const pred = model.prediction!;
    const weight = sub.weight;
    for (let i = 0; i < sub.n; i++) {
      const w = weight ? weight[i]! : 1;
      if (pred[i]) {
        if (sub.label[i]) c.tp += w;
        else c.fp += w;
      } else if (sub.label[i]) c.fn += w;
      else c.tn += w;
    }
    const reason = confusionUndefined(info.name, c);
    return reason ? { reason } : { value: binaryMetric(info.name, c) };
  }
  try {
    const alone: PairedData = { ...sub, candidate: model, champion: undefined };
    // Without a champion the estimator computes the point value only (no interval, no random stream).
    return { value: estimateMetric(info, alone, ci, 'fairness').candidate };
  } catch (e) {
    if (e instanceof NotEstimable) return { reason: e.message };
    throw e;
  }
}

/** With `columns.cluster`: the distinct clusters among the compared groups' rows. */
function clustersIn(data: PairedData, groups: readonly Group[]): { clusters?: number } {
  if (!data.cluster) return {};
  const rows: number[] = [];
  for (const g of groups) for (const r of g.rows) rows.push(r);
  return { clusters: compactClusters(data.cluster, rows).count };
}

export function fairnessChecks(config: GateConfig, data: PairedData): CheckResult[] {
  const gate = config.gates.fairness;
  if (!gate) return [];
  const info = metricInfo(config.task, gate.metric);
  if (!info) throw new Error(`metric ${gate.metric} passed validation but is not in the catalogue`);
  return gate.groups.flatMap((attribute) => attributeRows(config, gate, info, data, attribute));
}

function attributeRows(config: GateConfig, gate: FairnessGate, info: MetricInfo, data: PairedData, attribute: string): CheckResult[] {
  const cells = data.extra[attribute];
  if (!cells) throw new Error(`group column ${attribute} was not read: columnNeeds should have asked for it`);
  const groups = groupRows(cells);
  const values: GroupValue[] = [];
  const kept: Group[] = [];
  for (const g of groups) {
    const n = examplesIn(data, g.rows);
    // With columns.cluster the clusters are the independent units, so the minimum counts them, as
    // ci.min_eval_samples does for the metric checks.
    const units = data.cluster ? compactClusters(data.cluster, g.rows).count : n;
    if (units < gate.min_group_samples) {
      const unit = data.cluster ? 'clusters' : 'rows';
      values.push({ group: g.text, n, candidate: null, champion: null, included: false, reason: `fewer than min_group_samples (${gate.min_group_samples}) ${unit}` });
      continue;
    }
    const sub = subsetRows(data, Uint32Array.from(g.rows));
    const cand = pointValue(info, sub, 'candidate', config.ci);
    const champ = data.champion ? pointValue(info, sub, 'champion', config.ci) : undefined;
    const reason = 'reason' in cand ? cand.reason : champ && 'reason' in champ ? `${champ.reason} (champion)` : undefined;
    const v: GroupValue = {
      group: g.text,
      n,
      candidate: 'value' in cand ? cand.value : null,
      champion: champ && 'value' in champ ? champ.value : null,
      included: reason === undefined
    };
    if (reason !== undefined) v.reason = `${info.name} is undefined: ${reason}`;
    values.push(v);
    if (reason === undefined) kept.push(g);
  }
  const included = values.filter((v) => v.included);
  const ranked = [...included].sort((a, b) => a.candidate! - b.candidate!);
  const higherIsBest = info.direction !== -1;
  const best = ranked.length >= 2 ? ranked[higherIsBest ? ranked.length - 1 : 0] : null;
  const worst = ranked.length >= 2 ? ranked[higherIsBest ? 0 : ranked.length - 1] : null;
  // A loop, not Math.max(...xs): a column with ~100k groups would overflow the call stack.
  const gapOf = (which: 'candidate' | 'champion') => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of included) {
      if (v[which]! < lo) lo = v[which]!;
      if (v[which]! > hi) hi = v[which]!;
    }
    return hi - lo;
  };
  const enough = included.length >= 2;
  const gap = enough ? gapOf('candidate') : null;
  const champGap = enough && data.champion ? gapOf('champion') : null;
  const leftOut = values.filter((v) => !v.included);
  const leftOutText = leftOut.length
    ? `; left out: ${leftOut.map((v) => `${JSON.stringify(v.group)} (n = ${v.n}, ${v.reason})`).join(', ')}`
    : '';

  const base = {
    gate: 'fairness' as const,
    name: `${info.name}:${attribute}`,
    metric: info.name,
    segment: null,
    group: null,
    severity: severityOf(config.policy, 'fairness'),
    n: included.reduce((a, v) => a + v.n, 0),
    ...clustersIn(data, kept),
    candidate: gap,
    champion: champGap,
    delta: gap !== null && champGap !== null ? gap - champGap : null,
    ci_low: null,
    ci_high: null,
    ci_method: null,
    direction: -1 as const,
    details: { kind: 'fairness' as const, attribute, best_group: best?.group ?? null, worst_group: worst?.group ?? null, groups: values }
  };
  const tooFew = `fewer than two groups of "${attribute}" can be compared (${included.length} with a defined ${info.name})${leftOutText}`;
  const rows: CheckResult[] = [];
  if (!enough) {
    rows.push({ ...base, status: 'inconclusive', threshold: gate.max_group_gap, rule: 'max_group_gap', message: tooFew });
  } else {
    const pass = gap! <= gate.max_group_gap;
    const bestWord = info.direction === 0 ? 'highest' : 'best';
    const worstWord = info.direction === 0 ? 'lowest' : 'worst';
    rows.push({
      ...base,
      status: pass ? 'pass' : 'fail',
      threshold: gate.max_group_gap,
      rule: 'max_group_gap',
      message:
        `${info.name} gap ${fmt(gap)} across ${included.length} groups of "${attribute}", ${bestWord} ${JSON.stringify(best!.group)} ` +
        `${fmt(best!.candidate)}, ${worstWord} ${JSON.stringify(worst!.group)} ${fmt(worst!.candidate)}: ` +
        `${pass ? 'at or below' : 'above'} max_group_gap ${fmt(gate.max_group_gap)}${leftOutText}`
    });
  }

  if (gate.max_gap_increase !== undefined) {
    const a = gate.max_gap_increase;
    const row = { ...base, threshold: a, rule: 'max_gap_increase' as const };
    if (!data.champion) {
      rows.push({ ...row, status: 'skipped', message: 'no champion configured: comparison skipped' });
    } else if (!enough) {
      rows.push({ ...row, status: 'inconclusive', message: tooFew });
    } else {
      const ci = gapIncreaseInterval(config, info.name, data, kept, checkId(base));
      const pass = ci.high < a;
      rows.push({
        ...row,
        ci_low: ci.low,
        ci_high: ci.high,
        ci_method: 'bootstrap-cells',
        status: pass ? 'pass' : 'fail',
        message:
          `Δgap ${fmtSigned(base.delta)} (candidate ${fmt(gap)} vs champion ${fmt(champGap)}), ${fmtLevel(config.ci.confidence_level)} CI ` +
          `[${fmtSigned(ci.low)}, ${fmtSigned(ci.high)}]: upper bound ${fmtSigned(ci.high)} ${pass ? '<' : '≥'} ${fmtSigned(a)}: ` +
          `${pass ? 'the gap did not widen beyond the margin' : 'a widening beyond the margin is not ruled out'}`
      });
    }
  }
  return rows;
}

/** Paired bootstrap interval of gap(candidate) − gap(champion) over the joint cells of the kept groups. */
function gapIncreaseInterval(config: GateConfig, metric: string, data: PairedData, groups: Group[], stream: string) {
  const k = groups.length;
  const cells = new Float64Array(k * PAIRED_CELLS);
  groups.forEach((g, j) => {
    cells.set(pairedCells(data.label, data.champion!.prediction!, data.candidate.prediction!, g.rows, data.weight), j * PAIRED_CELLS);
  });
  const statistic = (draw: Float64Array): number => {
    let cMin = Infinity;
    let cMax = -Infinity;
    let hMin = Infinity;
    let hMax = -Infinity;
    let defined = 0;
    for (let j = 0; j < k; j++) {
      const sub = draw.subarray(j * PAIRED_CELLS, (j + 1) * PAIRED_CELLS);
      const cc = confusionOf(sub, 'candidate');
      const ch = confusionOf(sub, 'champion');
      if (confusionUndefined(metric, cc) !== undefined || confusionUndefined(metric, ch) !== undefined) continue;
      const vc = binaryMetric(metric, cc);
      const vh = binaryMetric(metric, ch);
      if (vc < cMin) cMin = vc;
      if (vc > cMax) cMax = vc;
      if (vh < hMin) hMin = vh;
      if (vh > hMax) hMax = vh;
      defined++;
    }
    return defined < 2 ? 0 : cMax - cMin - (hMax - hMin);
  };
  return cellsBootstrap(cells, statistic, {
    resamples: config.ci.resamples,
    seed: deriveSeed(config.ci.seed, stream),
    confidenceLevel: config.ci.confidence_level
  });
}
