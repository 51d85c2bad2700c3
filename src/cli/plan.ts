/**
 * `model-gate plan`: how many labelled rows each comparison check needs for the requested power at its margin,
 * from a pilot (the configured candidate and champion on a pilot test set, or the champion alone with
 * --discordance). The models are assumed truly equal (Δ = 0) with the pilot's variability; see core/plan.ts.
 */
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.js';
import { fmt, fmtLevel } from '../core/format.js';
import { assumedDiscordance, buildPlan, planMde, type GatePlan } from '../core/plan.js';
import { GateError, isGateError, userMessage } from '../base/errors.js';
import { resolveInside } from '../gate/containment.js';
import { CLI_DEBUG_HINT, errorDetails, internalErrorMessage } from '../gate/error-report.js';
import { requireFile } from '../readers/files/files.js';
import { runGate } from '../gate/run.js';
import { COMMON_OPTIONS, type CliIo } from './io.js';

export const PLAN_HELP = `Usage: model-gate plan [options]

The test-set size each comparison check needs to pass with the given power if the candidate is exactly as good
as the champion, from a pilot: the configured candidate and champion predictions on a pilot test set, or the
champion alone with --discordance. Standard errors are taken from the pilot and scale as 1/sqrt(n).

Options:
  -c, --config <file>       gate config (default: .github/model-gate.yml)
      --candidate <file>    pilot candidate predictions; overrides artifacts.candidate
      --champion <file>     pilot champion predictions; overrides artifacts.champion
      --discordance <d>     no pilot candidate: assume the models disagree on a fraction d of rows (0 < d < 1;
                            binary tasks), simulated by flipping d of the champion's predictions
      --power <p>           the power to plan for (default 0.8)
  -w, --workspace <dir>     directory that relative paths are resolved against (default: current directory)
      --json                print the plan as JSON
  -h, --help                show this help

Exit codes: 0 planned, 2 bad config, files or arguments, 3 internal error.
`;

function fraction(name: string, text: string | undefined, fallback: number | undefined): number | undefined {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!(text.trim() !== '' && v > 0 && v < 1)) throw new GateError(`${name} must be a number between 0 and 1 (exclusive), not "${text}"`);
  return v;
}

export async function planMain(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { ...COMMON_OPTIONS, discordance: { type: 'string' }, power: { type: 'string' } }
    }).values;
  } catch (e) {
    io.stderr(`model-gate plan: ${(e as Error).message}\nRun model-gate plan --help for the options.\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(PLAN_HELP);
    return 0;
  }
  try {
    const power = fraction('--power', args.power, 0.8)!;
    const discordance = fraction('--discordance', args.discordance, undefined);
    if (discordance !== undefined && args.candidate !== undefined) {
      throw new GateError('--discordance builds the pilot candidate from the champion, so it cannot be used with --candidate; drop one of them');
    }
    const workspace = path.resolve(io.cwd, args.workspace ?? '.');
    const tempDir = io.tempDir ?? tmpdir();
    const configPath = args.config ?? '.github/model-gate.yml';
    const candidate = discordance === undefined ? args.candidate : await championPath(workspace, tempDir, configPath, args.champion);
    const { config, report } = await runGate({
      workspace,
      config: configPath,
      candidate,
      champion: args.champion,
      origins: { candidate: discordance === undefined ? '--candidate' : '--champion', champion: '--champion', config: '--config' },
      tempDir,
      generatedAt: io.now().toISOString(),
      ledger: false,
      transform:
        discordance === undefined
          ? undefined
          : (data, cfg) => {
              try {
                return assumedDiscordance(data, discordance, cfg.ci.seed);
              } catch (e) {
                throw new GateError(`--discordance cannot be used here: ${(e as Error).message}`, { file: cfg.source });
              }
            }
    });
    if (!report.checks.some((c) => ['non_inferior', 'equivalent', 'superior', 'strictly_better'].includes(c.rule))) {
      throw new GateError(`${config.source} has no comparison with the champion to plan for; add a margin (absolute_drop_allowed, equivalence_margin, …)`, {
        file: config.source
      });
    }
    if (!report.checks.some((c) => c.status !== 'skipped' && c.ci_low !== null)) {
      throw new GateError('the pilot has no champion, so no comparison could be estimated; give the champion (artifacts.champion or --champion)');
    }
    const plan = buildPlan(report, power, discordance ?? null);
    io.stdout(args.json ? `${JSON.stringify(plan, null, 2)}\n` : planText(plan));
    return 0;
  } catch (e) {
    const user = isGateError(e);
    const message = user ? userMessage(e) : internalErrorMessage(e, CLI_DEBUG_HINT);
    if (io.env?.MODEL_GATE_DEBUG) io.stderr(`${errorDetails(e)}\n`);
    io.stderr(`model-gate plan: error: ${message}\n`);
    return user ? 2 : 3;
  }
}

/** --discordance reads only the champion: its path from --champion or the config. */
async function championPath(workspace: string, tempDir: string, config: string, override: string | undefined): Promise<string> {
  if (override !== undefined) return override;
  const file = await resolveInside(workspace, tempDir, config, '--config');
  await requireFile(file, config, '--config');
  const cfg = await loadConfig(file, config);
  const champion = cfg.artifacts.champion;
  if (champion === undefined) {
    throw new GateError(`--discordance needs the champion's predictions: set artifacts.champion in ${config} or pass --champion`, {
      file: config,
      key: 'artifacts.champion'
    });
  }
  return champion;
}

const RULE_WORD: Record<string, string> = {
  non_inferior: 'non-inferior',
  equivalent: 'equivalent',
  superior: 'superior',
  strictly_better: 'strictly better'
};

/** The plan as an aligned table and a closing line for the whole gate. */
export function planText(plan: GatePlan): string {
  const pct = (p: number | null) => (p === null ? '–' : `${(p * 100).toFixed(1)}%`);
  const head = ['check', 'rule', 'margin', 'pilot se', 'power now', `mde (${pct(plan.power)})`, 'required n'];
  const rows = plan.checks.map((c) => [
    [c.gate, c.segment, c.name].filter((x) => x !== null).join('/'),
    RULE_WORD[c.rule] ?? c.rule,
    fmt(c.margin),
    c.pilot_se === null ? '–' : c.pilot_se.toPrecision(3),
    pct(c.power_at_pilot),
    fmt(planMde(c, plan.confidence_level, plan.power)),
    c.required_n === null ? (c.rule === 'superior' || c.rule === 'strictly_better' ? 'no margin' : '–') : String(c.required_n)
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => (i >= 2 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join('  ').trimEnd();
  const margins = plan.checks.filter((c) => c.rule === 'non_inferior' || c.rule === 'equivalent').length;
  const out = [
    `Test-set size for ${pct(plan.power)} power at each margin, if the candidate is exactly as good as the champion`,
    `(pilot: ${plan.pilot_n} rows${plan.assumed_discordance !== null ? `, candidate assumed to disagree with the champion on ${pct(plan.assumed_discordance)} of rows` : ''}; ${fmtLevel(plan.confidence_level)} intervals; se scaled as 1/sqrt(n))`,
    '',
    line(head),
    ...rows.map(line),
    '',
    plan.gate_required_n === null
      ? 'Whole gate: no joint size (no margin check with an interval).'
      : `Whole gate: all ${margins} margin checks pass together with ${pct(plan.power)} power at n = ${plan.gate_required_n} ` +
        `(now ${pct(plan.gate_power_at_pilot)} at n = ${plan.pilot_n}).`,
    'The whole-gate n uses the product of the checks\' powers: exact for checks on disjoint rows (segments), cautious',
    'for checks on the same rows, which pass together more often than the product says.',
    'Segment checks count their own rows; the whole-gate n counts test-set rows, segments keeping their share.',
    'Superiority and strictly-better checks have no margin, so no size makes an equal candidate pass them.'
  ];
  return `${out.join('\n')}\n`;
}
