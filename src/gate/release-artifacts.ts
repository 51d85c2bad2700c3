/**
 * Reads what the release-gate families need besides `artifacts:` — robustness results, rule files, the log
 * sample, the drill record — and the freshness column of the current table. Paths under `gates.` go through
 * the same containment as every other user path, and each file is listed for the release card's digests.
 */
import type { GateConfig } from '../config/types.js';
import type { ArtifactData } from '../core/artifacts.js';
import { readFreshness } from '../readers/artifacts/freshness.js';
import { readObservability } from '../readers/artifacts/observability.js';
import { readRobustness } from '../readers/artifacts/robustness.js';
import { readDrill } from '../readers/artifacts/rollback.js';
import { requireFile } from '../readers/files/files.js';
import type { InputFile } from './release-card.js';

/** Resolves a path named at a config key (containment checked); `origin` says where it came from. */
export type Inside = (p: string, origin: string) => Promise<string>;

export async function readReleaseGateArtifacts(
  config: GateConfig,
  resolveArtifact: (p: string) => string,
  inside: Inside,
  used: InputFile[]
): Promise<Partial<ArtifactData>> {
  const g = config.gates;
  const out: Partial<ArtifactData> = {};
  const at = (key: string) => async (shown: string): Promise<string> => {
    const origin = `${key} in ${config.source}`;
    const file = await inside(shown, origin);
    await requireFile(file, shown, origin);
    if (!used.some((u) => u.shown === shown)) used.push({ role: key, file, shown });
    return file;
  };

  const freshness = g.data?.freshness;
  const current = config.artifacts.data?.current;
  if (freshness && current) out.freshness = await readFreshness(resolveArtifact(current), current, freshness.column);

  if (g.robustness) out.robustness = await readRobustness(g.robustness, at('gates.robustness.suites'));
  if (g.observability) out.observability = await readObservability(g.observability, (p, key) => at(key)(p));
  if (g.rollback) out.drill = await readDrill(await at('gates.rollback.drill')(g.rollback.drill), g.rollback.drill);
  return out;
}
