/**
 * Reads the non-prediction artifacts the configured gates need (docs/config.md) into the engine's ArtifactData:
 * load tests, the model's size, the data tables' profiles and the cost files. Every path is relative to the
 * workspace and checked before it is opened, so a missing file names the config key it came from.
 */
import type { GateConfig } from '../config/types.js';
import type { ArtifactData } from '../core/artifacts.js';
import { readCost } from '../readers/artifacts/cost.js';
import { readTableProfile } from '../readers/artifacts/data.js';
import { modelSize, readOperations } from '../readers/artifacts/operations.js';
import { requireFile } from '../readers/files/files.js';

type Resolve = (p: string) => string;

export async function readArtifacts(config: GateConfig, resolve: Resolve): Promise<ArtifactData> {
  const a = config.artifacts;
  const g = config.gates;
  const out: ArtifactData = {};
  const file = async (shown: string, key: string): Promise<string> => {
    const absolute = resolve(shown);
    await requireFile(absolute, shown, `artifacts.${key} in ${config.source}`);
    return absolute;
  };

  if (g.operations) {
    const usesLoadTest = g.operations.checks.some((c) => c.key !== 'model_size_mb');
    if (usesLoadTest && a.operations) out.operations = await readOperations(await file(a.operations, 'operations'), a.operations);
    const relative = g.operations.checks.some((c) => c.max_relative_increase !== undefined);
    if (relative && a.champion_operations) {
      out.champion_operations = await readOperations(await file(a.champion_operations, 'champion_operations'), a.champion_operations);
    }
    if (g.operations.checks.some((c) => c.key === 'model_size_mb') && a.model) {
      out.model = await modelSize(resolve(a.model), a.model);
    }
  }

  if (g.data && a.data?.current) {
    const gate = g.data;
    const ignored = new Set(gate.ignore_columns);
    const schemaColumns = Object.keys(gate.schema?.columns ?? {});
    const pick = (header: readonly string[]) => [
      ...(gate.columns ?? header.filter((c) => !ignored.has(c))),
      ...schemaColumns
    ];
    const reference = a.data.reference
      ? await readTableProfile(await file(a.data.reference, 'data.reference'), a.data.reference, pick)
      : undefined;
    const current = await readTableProfile(await file(a.data.current, 'data.current'), a.data.current, pick);
    out.data = reference ? { reference, current } : { current };
  }

  if (g.cost && a.cost) {
    out.cost = await readCost(await file(a.cost, 'cost'), a.cost);
    if (g.cost.max_relative_increase !== undefined && a.champion_cost) {
      out.champion_cost = await readCost(await file(a.champion_cost, 'champion_cost'), a.champion_cost);
    }
  }
  return out;
}
