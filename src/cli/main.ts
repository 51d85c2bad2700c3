/**
 * The CLI shell: `model-gate --config … [--candidate …] [--champion …] [--json] [--fail-on …]`.
 * Same engine as the action; prints the verdict table (or the JSON report) and exits with a documented code.
 */
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isGateError, userMessage } from '../base/errors.js';
import { CLI_DEBUG_HINT, errorDetails, errorReport, internalErrorMessage } from '../gate/error-report.js';
import { FAIL_ON_VALUES, shouldFail, type FailOn } from '../gate/fail-on.js';
import { writeFileAtomic } from '../readers/files/files.js';
import { sourceFromEnv, writeReleaseCard } from '../gate/release-card.js';
import { cliRunKey } from '../gate/ledger.js';
import { runGate } from '../gate/run.js';
import { jobSummaryOptions, renderMarkdown } from '../render/markdown.js';
import { renderText } from '../render/text.js';
import { VERSION } from '../base/version.js';
import { COMMON_OPTIONS, type CliIo } from './io.js';
import { planMain } from './plan.js';

export type { CliIo } from './io.js';
import { canaryShouldFail, runCanaryCli } from './canary.js';

/** Exit codes, documented in the README and `--help`. */
export const EXIT = { ok: 0, gateFailed: 1, error: 2, internal: 3 } as const;

/** MODEL_GATE_DEBUG set to anything but empty, 0, false, no or off. */
function debugEnabled(env: NodeJS.ProcessEnv): boolean {
  const v = (env.MODEL_GATE_DEBUG ?? '').trim().toLowerCase();
  return v !== '' && !['0', 'false', 'no', 'off'].includes(v);
}

const HELP = `Usage: model-gate [options]
       model-gate plan [options]   test-set sizes for the gate's margins (model-gate plan --help)

Decides whether a candidate model may replace the champion, from their predictions on the same test set.

Options:
  -c, --config <file>     gate config (default: .github/model-gate.yml)
      --candidate <file>  candidate predictions; overrides artifacts.candidate
      --champion <file>   champion predictions; overrides artifacts.champion
  -w, --workspace <dir>   directory that relative paths are resolved against (default: current directory)
      --json              print the JSON report instead of the table
      --report <file>     also write the JSON report to this file (and the release card,
                          release-card.json, next to it)
      --markdown <file>   also write the markdown verdict (as in the job summary) to this file
      --fail-on <result>  never | fail | soft_fail: exit 1 when the result is this bad or worse (default: never)
      --run-id <id>       this run's id in the test-set ledger (config key ledger); a repeated id is
                          counted once (default: each invocation is a new run, keyed by its time)
      --stage <stage>     offline (default) | canary: decide a canary rollout from live traffic (docs/canary.md)
      --canary-since <t>  canary stage: start of the canary (ISO 8601); overrides canary.since
      --canary-weight <w> canary stage: current canary traffic percent; overrides canary.rollout.current_weight
      --now <t>           canary stage: the time to decide at (ISO 8601; default: the current time)
  -h, --help              show this help
  -v, --version           show the version

Exit codes:
  0  the gate was evaluated (and the result is better than --fail-on)
  1  the result is at least as bad as --fail-on
  2  the gate could not be evaluated: bad config, unreadable or mismatched files, bad arguments
  3  internal error (a bug in model-gate)

Files are read only inside the workspace or the temporary directory (symbolic links included).
Set MODEL_GATE_DEBUG=1 to print the details (stack trace) of an error.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'plan') return planMain(argv.slice(1), io);
  let args;
  try {
    args = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...COMMON_OPTIONS,
        report: { type: 'string' },
        markdown: { type: 'string' },
        'fail-on': { type: 'string' },
        'run-id': { type: 'string' },
        stage: { type: 'string' },
        'canary-since': { type: 'string' },
        'canary-weight': { type: 'string' },
        now: { type: 'string' },
        version: { type: 'boolean', short: 'v' }
      }
    }).values;
  } catch (e) {
    io.stderr(`model-gate: ${(e as Error).message}\nRun model-gate --help for the options.\n`);
    return EXIT.error;
  }
  if (args.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (args.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const failOn = (args['fail-on'] ?? 'never') as FailOn;
  if (!FAIL_ON_VALUES.includes(failOn)) {
    io.stderr(`model-gate: --fail-on must be one of ${FAIL_ON_VALUES.join(', ')}, not "${failOn}"\n`);
    return EXIT.error;
  }
  const workspace = path.resolve(io.cwd, args.workspace ?? '.');
  const generatedAt = io.now().toISOString();
  const stage = args.stage ?? 'offline';
  if (stage !== 'offline' && stage !== 'canary') {
    io.stderr(`model-gate: --stage must be offline or canary, not "${stage}"\n`);
    return EXIT.error;
  }
  try {
    if (stage === 'canary') {
      const { report, out } = await runCanaryCli({
        source: sourceFromEnv(io.env ?? process.env),
        workspace,
        config: args.config ?? '.github/model-gate.yml',
        since: args['canary-since'],
        weight: args['canary-weight'],
        now: args.now,
        json: args.json,
        report: args.report,
        markdown: args.markdown,
        failOn,
        cwd: io.cwd,
        tempDir: io.tempDir ?? tmpdir(),
        clock: io.now
      });
      io.stdout(out);
      return canaryShouldFail(report, failOn) ? EXIT.gateFailed : EXIT.ok;
    }
    const { report, releaseCard, config } = await runGate({
      source: sourceFromEnv(io.env ?? process.env),
      workspace,
      config: args.config ?? '.github/model-gate.yml',
      candidate: args.candidate,
      champion: args.champion,
      origins: { candidate: '--candidate', champion: '--champion', config: '--config' },
      tempDir: io.tempDir ?? tmpdir(),
      generatedAt,
      progress: io.progress,
      runKey: cliRunKey(args['run-id'], generatedAt),
      readWorker: io.readWorker
    });
    io.progressDone?.();
    for (const w of config.warnings ?? []) io.stderr(`model-gate: warning: ${w}\n`);
    if (report.ledger?.warning) io.stderr(`model-gate: warning: ${report.ledger.warning}\n`);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    let cardFile: string | undefined;
    if (args.report) {
      const reportFile = path.resolve(io.cwd, args.report);
      await writeFileAtomic(reportFile, json);
      cardFile = await writeReleaseCard(releaseCard, reportFile);
    }
    if (args.markdown) {
      await writeFileAtomic(
        path.resolve(io.cwd, args.markdown),
        renderMarkdown(report, jobSummaryOptions({ releaseCard: cardFile }))
      );
    }
    io.stdout(args.json ? json : renderText(report, { width: io.columns }));
    return shouldFail(report.gate_result, failOn) ? EXIT.gateFailed : EXIT.ok;
  } catch (e) {
    io.progressDone?.();
    const user = isGateError(e);
    const message = user ? userMessage(e) : internalErrorMessage(e, CLI_DEBUG_HINT);
    if (debugEnabled(io.env ?? process.env)) io.stderr(`${errorDetails(e)}\n`);
    if (args.json) io.stdout(`${JSON.stringify(errorReport(message, generatedAt), null, 2)}\n`);
    io.stderr(`model-gate: error: ${message}\n`);
    return user ? EXIT.error : EXIT.internal;
  }
}
