// Who is asking: the token from the Authorization header (or the page session cookie), checked
// against the store (hashed there; revoked tokens fail), once per request.
import type { FastifyRequest } from 'fastify';
import type { ApiRole } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { Principal } from '../api-schemas.js';
import { forbidden, HttpError, unauthorized } from '../http-error.js';
import { readCredential } from './credentials.js';
import { describeRoleNeeded, roleAllows } from './roles.js';
import { isSafeMethod, isSameOrigin } from './same-origin.js';

export type Identity = { principal: Principal } | { error: HttpError };

export class Authenticator {
  private readonly seen = new WeakMap<FastifyRequest, Promise<Identity>>();
  private readonly tokenIds = new WeakMap<FastifyRequest, string>();

  constructor(private readonly store: Store) {}

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
    const record = await this.store.verifyApiToken(cred.token);
    if (!record) {
      return { error: unauthorized(cred.via === 'cookie' ? 'the session\'s token is no longer valid: sign in again' : 'the token is not valid (unknown or revoked)') };
    }
    if (cred.via === 'cookie' && !isSafeMethod(request.method) && !isSameOrigin(request.headers as Record<string, string>)) {
      return {
        error: forbidden('a browser session may change data only from chartline\'s own pages (cross-site request refused); API clients send "Authorization: Bearer <token>"'),
      };
    }
    this.tokenIds.set(request, record.id);
    return { principal: { tokenId: record.id, name: record.name, role: record.role, via: cred.via } };
  }
}
