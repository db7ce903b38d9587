// SIGTERM / Ctrl-C for long-running commands (worker, serve): the first signal asks them to finish
// the running jobs and exit; a second one exits at once. Installed before any work starts, so a
// signal that lands while workers are still starting is not lost.
import type { Logger } from 'pino';

export interface StopSignals {
  /** resolves with the signal once one has arrived (at once if one already has) */
  stopped(): Promise<NodeJS.Signals>;
}

export function installStopSignals(log: Pick<Logger, 'warn'>): StopSignals {
  let received: NodeJS.Signals | undefined;
  let notify: ((signal: NodeJS.Signals) => void) | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (received) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    received = signal;
    notify?.(signal);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return {
    stopped: () =>
      new Promise<NodeJS.Signals>((resolve) => {
        if (received) resolve(received);
        else notify = resolve;
      }),
  };
}
