// Progress for long work, on stderr so stdout stays clean JSON or text. Drawn only on a terminal
// (or with --progress); a pipe or CI log gets nothing.
export interface Progress {
  update(done: number, total: number, detail: string): void;
  done(message?: string): void;
}

export function createProgress(enabled: boolean, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  const width = 24;
  return {
    update(done, total, detail) {
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(frac * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const secs = ((now - started) / 1000).toFixed(1);
      const line = `${label} ${bar} ${done}/${total} ${detail}`.slice(0, (stream.columns || 100) - 8);
      stream.write(`\r\x1b[2K${line} ${secs}s`);
    },
    done(message) {
      stream.write(`\r\x1b[2K${message ? `${message}\n` : ''}`);
    },
  };
}
