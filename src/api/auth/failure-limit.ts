// Guessing tokens is slowed down per client address: after `max` failed sign-ins or bearer requests
// with an unknown or revoked token within a window (default 20 a minute), every request carrying a
// credential from that address gets 429 with Retry-After until the window ends — even with a right
// token, or the guessing would simply go on. @fastify/rate-limit counts the failures; this keeps the
// block, so a blocked client's tries are neither counted nor checked.
//
// Behind a reverse proxy every client has the proxy's address unless CHARTLINE_TRUST_PROXY=1.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TooManyRequestsError } from '../http-error.js';

export interface FailureLimits {
  /** failed credentials per client per window before it is blocked */
  maxFailures: number;
  windowMs: number;
  /** sign-in form posts per client per window, successful or not */
  maxSignIns: number;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return n;
}

export function failureLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): FailureLimits {
  return {
    maxFailures: positiveInt(env, 'CHARTLINE_AUTH_MAX_FAILURES', 20),
    windowMs: positiveInt(env, 'CHARTLINE_AUTH_WINDOW_S', 60) * 1000,
    maxSignIns: positiveInt(env, 'CHARTLINE_SIGNIN_MAX', 30),
  };
}

type Check = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttl?: number }>;

export class FailureLimiter {
  private readonly blockedUntil = new Map<string, number>();
  private readonly count: Check;

  constructor(
    app: FastifyInstance,
    readonly limits: FailureLimits,
  ) {
    // needs @fastify/rate-limit registered on app (server.ts does, with global: false)
    this.count = (app as unknown as { createRateLimit(o: object): Check }).createRateLimit({ max: limits.maxFailures, timeWindow: limits.windowMs, keyGenerator: (r: FastifyRequest) => r.ip });
  }

  /** throws 429 while the request's address is blocked */
  assertNotBlocked(request: FastifyRequest): void {
    const until = this.blockedUntil.get(request.ip);
    if (until === undefined) return;
    const left = until - Date.now();
    if (left <= 0) {
      this.blockedUntil.delete(request.ip);
      return;
    }
    throw this.error(left);
  }

  /** counts a failed credential; throws 429 when it was one too many */
  async fail(request: FastifyRequest): Promise<void> {
    const limit = await this.count(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    const left = Math.max(1000, limit.ttl ?? this.limits.windowMs);
    this.blockedUntil.set(request.ip, Date.now() + left);
    if (this.blockedUntil.size > 10_000) this.prune();
    request.log.warn({ route: request.routeOptions.url ?? 'unmatched', failures: this.limits.maxFailures }, 'too many failed credentials: client blocked for a while');
    throw this.error(left);
  }

  private error(ms: number): TooManyRequestsError {
    const s = Math.ceil(ms / 1000);
    return new TooManyRequestsError(`too many failed sign-ins or invalid tokens from this address; try again in ${s} s`, s);
  }

  private prune(): void {
    const now = Date.now();
    for (const [k, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(k);
  }
}
