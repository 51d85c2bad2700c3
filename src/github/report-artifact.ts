/**
 * `report-artifact` (docs/github.md): the files of the report folder (report.json, summary.md, and the release card
 * when one is written next to the report) uploaded as one Actions artifact. Uploading goes through the Actions
 * results service, which only a runner provides (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL); a failed upload is
 * a warning, never a different gate result.
 */
import * as core from '@actions/core';
import type { ArtifactClient } from '@actions/artifact';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The regular files directly in the report folder (sub-folders are not part of the report). */
async function reportFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Uploads and returns the artifact id, or warns and returns undefined. */
export async function uploadReport(
  client: Pick<ArtifactClient, 'uploadArtifact'>,
  name: string,
  dir: string
): Promise<number | undefined> {
  try {
    const files = await reportFiles(dir);
    const { id } = await client.uploadArtifact(name, files, dir);
    core.info(`model-gate: uploaded ${files.map((f) => path.basename(f)).join(', ')} as artifact "${name}"`);
    return id;
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const hint = /ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(reason)
      ? ' Artifacts can only be uploaded from a GitHub Actions runner step (not from a container or script that drops the runner environment).'
      : ' The report is still in the report output path.';
    core.warning(`model-gate could not upload report-artifact "${name}" (${reason}); the gate result is unaffected.${hint}`);
    return undefined;
  }
}
