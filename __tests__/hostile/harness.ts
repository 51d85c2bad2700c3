/**
 * Runs a hostile-input case (corpus.ts) both ways a user meets model-gate: through the bundled action
 * (`node dist/index.js`, as a runner starts it) and in-process through the CLI's main(). A case's workspace is
 * built fresh in its own directory:
 *
 *   <base>/ws/        the workspace (GITHUB_WORKSPACE, the CLI's --workspace)
 *   <base>/outside/   files the case may point at but must never be read (holds SECRET_MARKER)
 *   <base>/temp/      the CLI's temporary directory (the action gets its own RUNNER_TEMP)
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';

/** Text in every file outside the workspace: it must never appear in any output. */
export const SECRET_MARKER = 'TOPSECRET-7f3a';

export interface HostileCase {
  name: string;
  /** Config text, written to `.github/model-gate.yml` (null: no config file). Default: corpus BASE_CONFIG. */
  config?: string | Buffer | null;
  /** Workspace files; they replace the default predictions (null removes one). */
  files?: Record<string, string | Buffer | null>;
  /** Symbolic links in the workspace: link path → target (`{OUTSIDE}` and `{WS}` are replaced). */
  links?: Record<string, string>;
  /** Action inputs (`config`, `candidate`, `champion`, …); the CLI gets the same as flags. */
  inputs?: Record<string, string>;
  /** Only through the action (inputs the CLI does not have). */
  actionOnly?: boolean;
  /**
   * The exact sentence the user sees. Placeholders: `{origin:candidate}` / `{origin:champion}` /
   * `{origin:config}` (the input in the action, the flag in the CLI), `{OUTSIDE}` (absolute path of outside/).
   */
  message: string;
  /** Where the action's error annotation points (the `file=`, `line=`, `col=` of the `::error` command). */
  annotation?: { file?: string; line?: number; col?: number };
}

export interface Materialized {
  base: string;
  ws: string;
  outside: string;
  temp: string;
}

function put(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export function materialize(c: HostileCase, defaults: { config: string; files: Record<string, string> }): Materialized {
  const base = mkdtempSync(path.join(tmpdir(), 'mg-hostile-'));
  const m = { base, ws: path.join(base, 'ws'), outside: path.join(base, 'outside'), temp: path.join(base, 'temp') };
  mkdirSync(m.ws);
  mkdirSync(m.temp);
  // Valid predictions, so that a refusal to read them is the only thing that can stop the gate.
  put(path.join(m.outside, 'secret.csv'), `id,label,score\n${SECRET_MARKER}-a,1,0.9\n${SECRET_MARKER}-b,0,0.1\n`);
  put(path.join(m.outside, 'secret.yml'), `# ${SECRET_MARKER}\nversion: 1\n`);
  put(path.join(m.outside, 'dir', 'weights.bin'), SECRET_MARKER);
  const raw = c.config === undefined ? defaults.config : c.config;
  const config = typeof raw === 'string' ? raw.replaceAll('{OUTSIDE}', m.outside) : raw;
  if (config !== null) put(path.join(m.ws, '.github/model-gate.yml'), config);
  const files: Record<string, string | Buffer | null> = { ...defaults.files, ...c.files };
  for (const [name, content] of Object.entries(files)) if (content !== null) put(path.join(m.ws, name), content);
  for (const [link, target] of Object.entries(c.links ?? {})) {
    const at = path.join(m.ws, link);
    mkdirSync(path.dirname(at), { recursive: true });
    symlinkSync(target.replaceAll('{OUTSIDE}', m.outside).replaceAll('{WS}', m.ws), at);
  }
  return m;
}

const ORIGINS = {
  action: { candidate: 'the candidate input', champion: 'the champion input', config: 'the config input' },
  cli: { candidate: '--candidate', champion: '--champion', config: '--config' }
};

/** The case's message as `shell` words it, for this workspace. */
export function expectedMessage(c: HostileCase, shell: 'action' | 'cli', m: Materialized): string {
  return c.message
    .replace(/\{origin:(candidate|champion|config)\}/g, (_, k: 'candidate' | 'champion' | 'config') => ORIGINS[shell][k])
    .replaceAll('{OUTSIDE}', m.outside);
}

/** The GitHub workflow command escaping of @actions/core, undone. */
function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** The `::command props::message` lines of a step's stdout. */
export function workflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const k = kv.indexOf('=');
      properties[kv.slice(0, k)] = unescapeProperty(kv.slice(k + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3]!) });
  }
  return out;
}

export interface ActionResult {
  run: ActionRun;
  m: Materialized;
}

export async function runCaseInAction(
  c: HostileCase,
  m: Materialized,
  apiUrl: string,
  env: Record<string, string> = {}
): Promise<ActionResult> {
  const run = await runAction({ workspace: m.ws, inputs: c.inputs ?? {}, apiUrl, env });
  return { run, m };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const FLAGS: Record<string, string> = { config: '--config', candidate: '--candidate', champion: '--champion' };

export async function runCaseInCli(c: HostileCase, m: Materialized, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const argv = ['--workspace', m.ws];
  for (const [k, v] of Object.entries(c.inputs ?? {})) {
    if (!FLAGS[k]) throw new Error(`case ${c.name}: input ${k} has no CLI flag; mark it actionOnly`);
    argv.push(FLAGS[k], v);
  }
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: m.ws,
    now: () => new Date('2026-01-01T00:00:00Z'),
    tempDir: m.temp,
    env
  });
  return { code, stdout, stderr };
}

/** Runs `tasks` with at most `width` at a time, keeping their order. */
export async function pool<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}
