/**
 * Prometheus rule files (`groups: [{ name, rules: [{ alert | record, expr, labels, annotations }] }]`), read
 * into the facts the observability gate checks. Pure: text in, rules out; a file that is not YAML or not a
 * rule file is a GateError naming the file and line.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { GateError } from '../../base/errors.js';
import { quote } from '../../base/text.js';

export interface AlertRule {
  file: string;
  line: number;
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface RuleFileFacts {
  file: string;
  alerts: AlertRule[];
  /** Recording rules (exempt from the label and annotation requirements). */
  records: number;
}

const SHAPE = 'a Prometheus rule file is `groups: [{name, rules: [{alert, expr, labels, annotations}]}]`';

export function parseRuleFile(text: string, file: string): RuleFileFacts {
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    // The composer recurses; absurd nesting ends in a RangeError rather than a YAML error.
    throw new GateError(`${file}: not a readable YAML rule file (${e instanceof RangeError ? 'nested too deep' : String(e)}); ${SHAPE}.`, { file });
  }
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = lines.linePos(err.pos[0]).line;
    const reason = err.message.split('\n')[0].slice(0, 120);
    throw new GateError(`${file}:${line}: not valid YAML (${reason}); ${SHAPE}.`, { file, line });
  }
  const lineOf = (node: unknown): number => {
    const range = (node as Node | null)?.range;
    return range ? lines.linePos(range[0]).line : 1;
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new GateError(`${file}: the YAML cannot be expanded (${e instanceof Error ? e.message.slice(0, 120) : String(e)}); ${SHAPE}.`, { file });
  }
  const root = doc.contents;
  if (!isMap(root) || !data || typeof data !== 'object' || !Array.isArray((data as { groups?: unknown }).groups)) {
    throw new GateError(`${file}: no groups list at the top; ${SHAPE}.`, { file, line: lineOf(root) });
  }
  const groupsNode = root.get('groups', true);
  const groups = (data as { groups: unknown[] }).groups;
  const alerts: AlertRule[] = [];
  let records = 0;
  groups.forEach((g, gi) => {
    const gNode = isSeq(groupsNode) ? groupsNode.items[gi] : undefined;
    if (!g || typeof g !== 'object' || !Array.isArray((g as { rules?: unknown }).rules)) {
      throw new GateError(`${file}:${lineOf(gNode)}: group ${gi + 1} has no rules list; ${SHAPE}.`, { file, line: lineOf(gNode) });
    }
    const rulesNode = isMap(gNode) ? gNode.get('rules', true) : undefined;
    (g as { rules: unknown[] }).rules.forEach((r, ri) => {
      const node = isSeq(rulesNode) ? rulesNode.items[ri] : undefined;
      const line = lineOf(node);
      const where = `${file}:${line}`;
      if (!r || typeof r !== 'object' || Array.isArray(r)) {
        throw new GateError(`${where}: rule ${ri + 1} of group ${gi + 1} is not a mapping; ${SHAPE}.`, { file, line });
      }
      const rule = r as Record<string, unknown>;
      const expr = rule.expr;
      if (typeof expr !== 'string' && typeof expr !== 'number') {
        throw new GateError(`${where}: the rule has no expr (a PromQL expression); ${SHAPE}.`, { file, line });
      }
      if (typeof rule.record === 'string' && rule.alert === undefined) {
        records++;
        return;
      }
      if (typeof rule.alert !== 'string' || rule.alert === '') {
        throw new GateError(`${where}: a rule needs a name in alert (or record, for a recording rule); ${SHAPE}.`, { file, line });
      }
      alerts.push({
        file,
        line,
        alert: rule.alert,
        expr: String(expr),
        labels: stringMap(rule.labels, `${where}: labels of alert ${quote(rule.alert)}`, file, line),
        annotations: stringMap(rule.annotations, `${where}: annotations of alert ${quote(rule.alert)}`, file, line)
      });
    });
  });
  return { file, alerts, records };
}

function stringMap(v: unknown, what: string, file: string, line: number): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new GateError(`${what} must be a mapping of names to values.`, { file, line });
  }
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x !== null && typeof x === 'object') throw new GateError(`${what}: ${k} must be a text value.`, { file, line });
    out[k] = x === null || x === undefined ? '' : String(x);
  }
  return out;
}
