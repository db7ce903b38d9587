// Worker logs: JSON lines on stderr (pino). They carry ids, counts and timings — bundle id, the
// document's sha256 prefix, pages, events — never record text or file names, which may name a patient.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({ name: 'chartline', level: env.CHARTLINE_LOG_LEVEL || 'info' }, pino.destination(2));
}

/** for tests and embedding: nothing logged */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
