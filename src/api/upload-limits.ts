// How much one upload may carry (POST /api/bundles); more is refused with 413.
export interface UploadLimits {
  /** bytes per file */
  maxFileBytes: number;
  /** files per upload */
  maxFiles: number;
  /** bytes of all files together */
  maxTotalBytes: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
}

const MB = 1024 * 1024;

export function uploadLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  return {
    maxFileBytes: Math.round(positive(env, 'CHARTLINE_UPLOAD_MAX_FILE_MB', 100) * MB),
    maxFiles: Math.round(positive(env, 'CHARTLINE_UPLOAD_MAX_FILES', 500)),
    maxTotalBytes: Math.round(positive(env, 'CHARTLINE_UPLOAD_MAX_TOTAL_MB', 500) * MB),
  };
}

export function formatBytes(n: number): string {
  if (n >= MB) return `${+(n / MB).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
