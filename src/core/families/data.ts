/**
 * The data gate (docs/config.md): per column of the current table, its missingness (`missingness:<col>`), its
 * drift from the reference (`psi:<col>`) and its schema (`schema:<col>`). Pure: table profiles in, rows out.
 *
 * Columns checked: `gates.data.columns`, or every column of the reference (of the current table when there is
 * no reference), minus `ignore_columns`; the explicit schema's columns are always checked.
 */
import type { ColumnSchema, DataGate, GateConfig } from '../../config/types.js';
import { fmt, fmtPercent } from '../format.js';
import { severityOf } from '../policy.js';
import type { CheckResult } from '../report.js';
import { GateError } from '../../base/errors.js';
import { quote } from '../../base/text.js';
import { canonicalKey } from '../../base/values.js';
import {
  type ColumnProfile,
  type TableProfile,
  categoryCounts,
  isNumericColumn,
  MAX_DISTINCT_TEXTS
} from '../../readers/artifacts/profile.js';
import { categoricalPsi, numericPsi, type PsiResult } from '../../stats/psi.js';
import { psiNoDriftQuantile } from '../../stats/psi-threshold.js';

export interface DataTables {
  /** Absent when neither drift nor schema.from_reference needs it. */
  reference?: TableProfile;
  current: TableProfile;
}

type Base = Omit<CheckResult, 'name' | 'status' | 'candidate' | 'threshold' | 'rule' | 'message'>;

/** The columns the gate checks (before the explicit schema's), in table order. */
function checkedColumns(gate: DataGate, tables: DataTables): string[] {
  const ignored = new Set(gate.ignore_columns);
  const base = tables.reference ?? tables.current;
  if (gate.columns) {
    if (tables.reference) {
      const missing = gate.columns.filter((c) => !tables.reference!.header.includes(c));
      if (missing.length > 0) {
        throw new GateError(
          `gates.data.columns names ${missing.map((c) => `"${c}"`).join(', ')}, which the reference table ${tables.reference.file} does not have; ` +
            `its columns are ${listed(tables.reference.header)}.`,
          { file: tables.reference.file, key: 'gates.data.columns' }
        );
      }
    }
    return [...gate.columns];
  }
  return base.header.filter((c) => c !== '' && !ignored.has(c));
}

export function dataChecks(config: GateConfig, tables: DataTables): CheckResult[] {
  const gate = config.gates.data;
  if (!gate) return [];
  const columns = checkedColumns(gate, tables);
  const base: Base = {
    gate: 'data',
    metric: null,
    segment: null,
    group: null,
    severity: severityOf(config.policy, 'data'),
    n: tables.current.rows,
    champion: null,
    delta: null,
    ci_low: null,
    ci_high: null,
    ci_method: null,
    direction: -1
  };
  const rows: CheckResult[] = [];
  if (gate.missingness_max !== undefined) {
    for (const c of columns) rows.push(missingnessRow(base, c, tables.current, gate.missingness_max));
  }
  if (gate.drift_psi_max !== undefined || gate.drift_psi_quantile !== undefined) {
    if (!tables.reference) throw new Error('drift without a reference table: the config check should have caught it');
    for (const c of columns) rows.push(psiRow(base, c, gate, tables.reference, tables.current));
  }
  if (gate.schema) {
    for (const [column, spec] of schemaSpecs(gate, columns, tables.reference)) {
      rows.push(schemaRow({ ...base, direction: null }, column, spec, tables.current));
    }
  }
  return rows;
}

function noColumn(table: TableProfile, column: string): string {
  return `the current table ${table.file} has no column "${column}" (its columns are ${listed(table.header)})`;
}

function missingnessRow(base: Base, column: string, current: TableProfile, max: number): CheckResult {
  const name = `missingness:${column}`;
  const c = current.columns.get(column);
  if (!c) return { ...base, name, status: 'fail', candidate: null, threshold: max, rule: 'max_value', message: noColumn(current, column) };
  const share = c.rows === 0 ? 0 : c.missing / c.rows;
  const pass = share <= max;
  return {
    ...base,
    name,
    status: pass ? 'pass' : 'fail',
    candidate: share,
    threshold: max,
    rule: 'max_value',
    message: `${c.missing} of ${c.rows} values missing (${fmt(share)}), ${pass ? 'at or below' : 'above'} the ceiling ${fmt(max)}`
  };
}

function psiRow(base: Base, column: string, gate: DataGate, reference: TableProfile, current: TableProfile): CheckResult {
  const name = `psi:${column}`;
  const row = (status: CheckResult['status'], message: string): CheckResult => ({
    ...base,
    name,
    status,
    candidate: null,
    threshold: gate.drift_psi_max ?? null,
    rule: 'max_value',
    message
  });
  const ref = reference.columns.get(column);
  const cur = current.columns.get(column);
  if (!ref) return row('fail', `the reference table ${reference.file} has no column "${column}"`);
  if (!cur) return row('fail', noColumn(current, column));
  if (ref.rows - ref.missing === 0) return row('inconclusive', `every value of "${column}" in the reference table is missing: no distribution to compare with`);
  if (cur.rows - cur.missing === 0) return row('inconclusive', `every value of "${column}" in the current table is missing: no distribution to compare`);

  let result: PsiResult;
  let edges: number[] | undefined;
  let note = '';
  const numeric = isNumericColumn(ref);
  if (numeric) {
    if (cur.numbers.length === 0) {
      return row('inconclusive', `"${column}" is numeric in the reference but has no numbers in the current table (e.g. ${example(cur)})`);
    }
    const sorted = Float64Array.from(ref.numbers).sort();
    const r = numericPsi(sorted, cur.numbers);
    result = r;
    edges = r.edges;
    if (cur.textTotal > 0) note = `; ${cur.textTotal} non-numeric current values left out (e.g. ${example(cur)})`;
  } else {
    const over = [ref, cur].find((c) => c.overflow > 0);
    if (over) {
      return row(
        'inconclusive',
        `"${column}" has more than ${MAX_DISTINCT_TEXTS} distinct values, like an identifier or free text: its PSI means nothing; ` +
          `add it to gates.data.ignore_columns`
      );
    }
    result = categoricalPsi(categoryCounts(ref), categoryCounts(cur));
  }
  const n = result.referenceCounts.reduce((a, b) => a + b, 0);
  const m = result.currentCounts.reduce((a, b) => a + b, 0);
  const auto = gate.drift_psi_quantile;
  const threshold = auto !== undefined ? psiNoDriftQuantile(n, m, result.bins, auto) : gate.drift_psi_max!;
  const pass = result.psi <= threshold;
  const source =
    auto !== undefined
      ? ` (the ${fmtPercent(auto)} point of PSI without drift for n = ${n}, m = ${m}, ${result.bins} bins: (1/n + 1/m)·χ²(${result.bins - 1}))`
      : '';
  return {
    ...base,
    name,
    n: m,
    status: pass ? 'pass' : 'fail',
    candidate: result.psi,
    threshold,
    rule: 'max_value',
    message: `PSI ${fmt(result.psi)} over ${result.bins} ${numeric ? 'decile' : 'category'} bins is ${pass ? 'at or below' : 'above'} ${fmt(threshold)}${source}${note}`,
    details: {
      kind: 'psi',
      binning: numeric ? 'numeric' : 'categorical',
      bins: result.bins,
      reference_n: n,
      current_n: m,
      threshold_from: auto !== undefined ? 'drift_psi_quantile' : 'drift_psi_max',
      ...(edges ? { edges } : {})
    }
  };
}

/** The schema of each checked column: inferred from the reference (from_reference), then the explicit ones. */
function schemaSpecs(gate: DataGate, columns: readonly string[], reference: TableProfile | undefined): [string, ColumnSchema][] {
  const specs = new Map<string, ColumnSchema>();
  if (gate.schema!.from_reference && reference) {
    for (const column of columns) {
      const ref = reference.columns.get(column);
      if (!ref) continue;
      const values = ref.rows - ref.missing;
      specs.set(column, { required: true, ...(values > 0 ? { type: isNumericColumn(ref) ? 'number' : 'string' } : {}) });
    }
  }
  for (const [column, spec] of Object.entries(gate.schema!.columns)) specs.set(column, spec);
  return [...specs];
}

function schemaRow(base: Base, column: string, spec: ColumnSchema, current: TableProfile): CheckResult {
  const name = `schema:${column}`;
  const c = current.columns.get(column);
  const row = (status: CheckResult['status'], candidate: number | null, message: string): CheckResult => ({
    ...base,
    name,
    status,
    candidate,
    threshold: null,
    rule: 'schema',
    message
  });
  if (!c) {
    return spec.required
      ? row('fail', null, noColumn(current, column))
      : row('pass', null, `the current table has no column "${column}", which is allowed (required: false)`);
  }
  const problems: { count: number; text: string }[] = [];
  if (spec.type === 'number' || spec.type === 'integer') {
    if (c.textTotal > 0) problems.push({ count: c.textTotal, text: `${values(c.textTotal)} not a number (e.g. ${example(c)})` });
    if (spec.type === 'integer' && c.nonInteger.count > 0) {
      const f = c.nonInteger.first!;
      problems.push({ count: c.nonInteger.count, text: `${values(c.nonInteger.count)} not a whole number (e.g. ${f.text} on line ${f.line})` });
    }
  } else if (spec.type === 'boolean') {
    const bad = nonBoolean(c);
    if (bad.count > 0) problems.push({ count: bad.count, text: `${values(bad.count)} not true/false (e.g. ${bad.example})` });
  }
  if (spec.min !== undefined) {
    const below = countWhere(c.numbers, (v) => v < spec.min!);
    if (below > 0) problems.push({ count: below, text: `${values(below)} below min ${spec.min} (smallest ${c.smallest!.value} on line ${c.smallest!.line})` });
  }
  if (spec.max !== undefined) {
    const above = countWhere(c.numbers, (v) => v > spec.max!);
    if (above > 0) problems.push({ count: above, text: `${values(above)} above max ${spec.max} (largest ${c.largest!.value} on line ${c.largest!.line})` });
  }
  if (spec.allowed) {
    const bad = notAllowed(c, spec.allowed);
    if (bad.count > 0) problems.push({ count: bad.count, text: `${values(bad.count)} not allowed (${bad.examples})` });
  }
  const what = [spec.type ? `type ${spec.type}` : '', spec.min !== undefined ? `min ${spec.min}` : '', spec.max !== undefined ? `max ${spec.max}` : '', spec.allowed ? `${spec.allowed.length} allowed values` : '']
    .filter((x) => x !== '')
    .join(', ');
  if (problems.length === 0) return row('pass', 0, `present${what ? `; every value fits ${what}` : ''}`);
  return row('fail', problems.reduce((a, p) => a + p.count, 0), problems.map((p) => p.text).join('; '));
}

/** `1 value is` / `3 values are`. */
function values(k: number): string {
  return k === 1 ? '1 value is' : `${k} values are`;
}

function countWhere(xs: Float64Array, pred: (v: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < xs.length; i++) if (pred(xs[i])) k++;
  return k;
}

/** A non-numeric value for messages: `"abc" on line 5`. */
function example(c: ColumnProfile): string {
  return c.firstText ? `${quote(c.firstText.text)} on line ${c.firstText.line}` : 'none';
}

function nonBoolean(c: ColumnProfile): { count: number; example: string } {
  let count = c.numbers.length + c.overflow;
  let first: { text: string; line: number } | null = null;
  for (const [key, t] of c.texts) {
    if (key === 'true' || key === 'false') continue;
    count += t.count;
    if (!first || t.line < first.line) first = t;
  }
  const shown = first ? `${quote(first.text)} on line ${first.line}` : c.numbers.length > 0 ? String(c.numbers[0]) : 'none';
  return { count, example: shown };
}

function notAllowed(c: ColumnProfile, allowed: readonly string[]): { count: number; examples: string } {
  const ok = new Set(allowed.map(canonicalKey));
  const bad: { text: string; count: number; line: number | null }[] = [];
  for (const [key, t] of c.texts) if (!ok.has(key)) bad.push({ text: t.text, count: t.count, line: t.line });
  const numbers = new Map<string, number>();
  for (let i = 0; i < c.numbers.length; i++) {
    const key = String(c.numbers[i]);
    if (!ok.has(key)) numbers.set(key, (numbers.get(key) ?? 0) + 1);
  }
  for (const [key, count] of numbers) bad.push({ text: key, count, line: null });
  bad.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const count = bad.reduce((a, b) => a + b.count, 0) + c.overflow;
  const shown = bad
    .slice(0, 5)
    .map((b) => `${quote(b.text)} ×${b.count}${b.line !== null ? ` first on line ${b.line}` : ''}`);
  if (c.overflow > 0) {
    shown.push(`and ${c.overflow} values among more than ${MAX_DISTINCT_TEXTS} distinct ones`);
  } else if (bad.length > 5) {
    shown.push(`and ${bad.length - 5} more`);
  }
  return { count, examples: shown.join(', ') };
}

function listed(header: readonly string[]): string {
  const shown = header.slice(0, 8).map((h) => (h === '' ? '""' : h));
  return header.length > 8 ? `${shown.join(', ')}, … (${header.length} in all)` : shown.join(', ') || '(none)';
}
