/**
 * The paired data the engine evaluates: one row per test-set example, candidate and champion aligned by id.
 * The readers produce it; the engine never sees a file.
 */
export interface ModelColumns {
  /** Path of the predictions file as the user wrote it. */
  file: string;
  /** 1 = predicted positive. */
  prediction?: Uint8Array;
  /** Ranking score or probability of the positive class. */
  score?: Float64Array;
}

export interface PairedData {
  n: number;
  /** 1 = positive class. */
  label: Uint8Array;
  candidate: ModelColumns;
  /** Absent when no champion is configured (first run). */
  champion?: ModelColumns;
  /** Raw text columns kept for segments and groups. */
  extra: Record<string, string[]>;
  /** `sha256:` + hex over the sorted (id, label) pairs. */
  fingerprint: string;
}
