/**
 * What a load-test artifact says, whatever its format (docs/config.md), and the model's size: the operations gate's
 * input. The shell reads the files; everything from here on is pure.
 */

export type OperationsFormat = 'samples' | 'summary' | 'k6';

export interface OperationsFacts {
  /** The path as the user wrote it, for messages. */
  file: string;
  format: OperationsFormat;
  /** Requests in the load test; null when the file does not say. */
  requests: number | null;
  /** Failed requests; null when the file gives only a rate (or nothing). */
  errors: number | null;
  /** errors / requests, or the rate the file states; null when the file says nothing about errors. */
  error_rate: number | null;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
  latency_p99_ms: number | null;
}

/** Size of `artifacts.model`: one file, or every file under a directory. */
export interface ModelSize {
  file: string;
  bytes: number;
  files: number;
}

/** Bytes → MiB, the unit of `model_size_mb` (docs/config.md: bytes / 1,048,576). */
export function mebibytes(bytes: number): number {
  return bytes / 1048576;
}
