/**
 * The CLI's progress line: one line on stderr, rewritten in place at each stage of a run and cleared at the
 * end, only when stderr is a terminal; nothing at all when it is a pipe or a file (CI logs, scripts).
 */
export interface ProgressStream {
  isTTY?: boolean;
  write: (s: string) => unknown;
  columns?: number;
}

export interface Progress {
  progress?: (stage: string) => void;
  progressDone?: () => void;
}

/** Control characters from file names would move the cursor: shown as `?`. */
const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

export function terminalProgress(stream: ProgressStream): Progress {
  if (!stream.isTTY) return {};
  let shown = false;
  const width = Math.max(20, (stream.columns ?? 100) - 1);
  return {
    progress: (stage) => {
      const text = [...`model-gate: ${printable(stage)} …`];
      const line = text.length > width ? `${text.slice(0, width - 1).join('')}…` : text.join('');
      stream.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    progressDone: () => {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    }
  };
}
