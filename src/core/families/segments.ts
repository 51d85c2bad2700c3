/**
 * The segments gate (docs/config.md): each segment selects rows — with `where` (column → value or list of values,
 * every column must match), or, without it, the rows whose `columns.segment` value equals the segment's name —
 * and checks a metric on them with the same rules as a performance check. Values are compared as labels are
 * (canonicalKey: trimmed, numbers by value, true/false in any case). Pure.
 *
 * A segment that matches no rows is bad input (a typo in a value, the wrong column), never a silent pass.
 */
import type { GateConfig, SegmentCheckSpec } from '../../config/types.js';
import { GateError } from '../../base/errors.js';
import { canonicalKey } from '../../base/values.js';
import type { PairedData } from '../../readers/paired-data.js';
import { metricChecks, type CheckScope } from '../metric-checks.js';
import type { CheckResult } from '../report.js';
import { subsetRows } from '../../readers/subset.js';
import type { TextColumn } from '../../readers/text-column.js';

/** The row filter of a segment: column → accepted canonical keys. */
function segmentFilter(spec: SegmentCheckSpec, segmentColumn: string): Record<string, string[]> {
  return spec.where ?? { [segmentColumn]: [spec.name] };
}

/** Indices of the rows a segment selects, in row order. */
function segmentRows(spec: SegmentCheckSpec, data: PairedData, segmentColumn: string): Uint32Array {
  const filter = Object.entries(segmentFilter(spec, segmentColumn)).map(([column, values]) => {
    const cells = data.extra[column];
    if (!cells) throw new Error(`segment column ${column} was not read: columnNeeds should have asked for it`);
    const accepted = new Set(values.map(canonicalKey));
    // Decided once per distinct value, then per row by its code.
    return { codes: cells.codes, ok: Uint8Array.from(cells.values, (text) => (accepted.has(canonicalKey(text)) ? 1 : 0)) };
  });
  const rows: number[] = [];
  for (let i = 0; i < data.n; i++) {
    let match = true;
    for (const f of filter) {
      if (!f.ok[f.codes[i]!]) {
        match = false;
        break;
      }
    }
    if (match) rows.push(i);
  }
  return Uint32Array.from(rows);
}

export function segmentChecks(config: GateConfig, data: PairedData): CheckResult[] {
  const segments = config.gates.segments ?? [];
  const out: CheckResult[] = [];
  segments.forEach((spec, i) => {
    const rows = segmentRows(spec, data, config.columns.segment);
    if (rows.length === 0) throw noRows(config, spec, i, data);
    const scope: CheckScope =
      spec.min_samples !== undefined
        ? { segment: spec.name, minRows: spec.min_samples, minRowsKey: `the min_samples of segment "${spec.name}"` }
        : { segment: spec.name, minRows: config.ci.min_eval_samples, minRowsKey: 'ci.min_eval_samples' };
    out.push(...metricChecks(config, subsetRows(data, rows), 'segments', spec, scope));
  });
  return out;
}

/** The error for a segment without rows: its selection, and the values its columns do have. */
function noRows(config: GateConfig, spec: SegmentCheckSpec, index: number, data: PairedData): GateError {
  const filter = segmentFilter(spec, config.columns.segment);
  const selection = Object.entries(filter)
    .map(([column, values]) => `${column} ${values.length === 1 ? '=' : 'in'} ${values.map((v) => JSON.stringify(v)).join(', ')}`)
    .join(' and ');
  const found = Object.keys(filter)
    .map((column) => `${column} has ${sampleValues(data.extra[column])}`)
    .join('; ');
  const how = spec.where ? 'its where' : `columns.segment ("${config.columns.segment}") equal to its name`;
  return new GateError(
    `${config.source}: segment "${spec.name}" (gates.segments[${index}]) matches no row of ${data.candidate.file} (${how}: ${selection}); ` +
      `${found}; fix the values or remove the segment.`,
    { file: config.source, key: `gates.segments[${index}]` }
  );
}

/** A few distinct values of a column, for messages. */
function sampleValues(cells: TextColumn): string {
  const seen = new Map<string, string>();
  for (const text of cells.values) {
    const key = canonicalKey(text);
    if (!seen.has(key)) seen.set(key, text.trim());
    if (seen.size > 5) break;
  }
  const shown = [...seen.values()].slice(0, 5).map((v) => JSON.stringify(v));
  return `values ${shown.join(', ')}${seen.size > 5 ? ', …' : ''}`;
}
