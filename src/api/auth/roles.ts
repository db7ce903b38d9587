// Roles are cumulative: intake < reviewer < analyst < admin. Each may do what the ones before it may.
//   intake    upload bundles, see their status and what could not be read
//   reviewer  also read chronologies, source pages and originals, export them, review flags
//   analyst   also list, bulk-review and export flags across bundles, and the queue dashboard
//   admin     also create, list and revoke tokens in the web app
import type { ApiRole } from '../../store/records.js';

const RANK: Record<ApiRole, number> = { intake: 1, reviewer: 2, analyst: 3, admin: 4 };

export function roleAllows(role: ApiRole, needed: ApiRole): boolean {
  return RANK[role] >= RANK[needed];
}

export function describeRoleNeeded(needed: ApiRole): string {
  const roles = (Object.keys(RANK) as ApiRole[]).filter((r) => roleAllows(r, needed));
  return roles.length === 1 ? `the ${roles[0]} role` : `one of the roles ${roles.join(', ')}`;
}
