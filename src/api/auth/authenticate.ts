// Who is asking: the token from the Authorization header, or the page session from the cookie, checked
// against the store (tokens and session ids are kept hashed there; revoked ones fail), once per
// request. Failed credentials count against the client's address (failure-limit.ts).
import type { FastifyRequest } from 'fastify';
import type { ApiRole, ApiTokenRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { Principal } from '../api-schemas.js';
import { forbidden, type HttpError, unauthorized } from '../http-error.js';
import { readCredential } from './credentials.js';
import type { FailureLimiter } from './failure-limit.js';
import { describeRoleNeeded, roleAllows } from './roles.js';
import { isSafeMethod, isSameOrigin } from './same-origin.js';

export type Identity = { principal: Principal } | { error: HttpError };

export class Authenticator {
  private readonly seen = new WeakMap<FastifyRequest, Promise<Identity>>();
  private readonly tokenIds = new WeakMap<FastifyRequest, string>();

  constructor(
    private readonly store: Store,
    readonly failures: FailureLimiter | null = null,
  ) {}

  /** the caller, or why there is none (memoised per request) */
  identify(request: FastifyRequest): Promise<Identity> {
    let identity = this.seen.get(request);
    if (!identity) {
      identity = this.resolve(request);
      this.seen.set(request, identity);
    }
    return identity;
  }

  /** the id of the token the request was made with, once identified (for the request log) */
  tokenIdOf(request: FastifyRequest): string | undefined {
    return this.tokenIds.get(request);
  }

  /** the caller when their role allows `role`; else throws 401 (no or bad token) or 403 */
  async require(request: FastifyRequest, role: ApiRole): Promise<Principal> {
    const identity = await this.identify(request);
    if ('error' in identity) throw identity.error;
    const { principal } = identity;
    if (!roleAllows(principal.role, role)) {
      throw forbidden(`this needs ${describeRoleNeeded(role)}; the token "${principal.name}" has the role ${principal.role}`);
    }
    return principal;
  }

  private async resolve(request: FastifyRequest): Promise<Identity> {
    const cred = readCredential(request.headers as { authorization?: string; cookie?: string });
    if (!cred) return { error: unauthorized('no token: send "Authorization: Bearer <token>" (create one with `chartline token create --role R --name N`)') };
    if (cred.via === 'malformed') return { error: unauthorized(cred.reason) };
    try {
      this.failures?.assertNotBlocked(request);
    } catch (err) {
      return { error: err as HttpError };
    }
    let record: ApiTokenRecord | null;
    if (cred.via === 'bearer') {
      record = await this.store.verifyApiToken(cred.token);
      if (!record) return this.failed(request, 'the token is not valid (unknown or revoked)');
    } else {
      record = await this.store.verifySession(cred.session);
      // an ended session is not a guess: it expired, was signed out, or its token was revoked
      if (!record) return { error: unauthorized('the session has ended (signed out, expired, or its token was revoked): sign in again') };
      if (!isSafeMethod(request.method) && !isSameOrigin(request.headers as Record<string, string>, request)) {
        return {
          error: forbidden('a browser session may change data only from chartline\'s own pages (cross-site request refused); API clients send "Authorization: Bearer <token>"'),
        };
      }
    }
    this.tokenIds.set(request, record.id);
    return { principal: { tokenId: record.id, name: record.name, role: record.role, via: cred.via } };
  }

  private async failed(request: FastifyRequest, message: string): Promise<Identity> {
    try {
      await this.failures?.fail(request);
    } catch (err) {
      return { error: err as HttpError };
    }
    return { error: unauthorized(message) };
  }
}
