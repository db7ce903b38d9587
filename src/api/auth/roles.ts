// Roles are cumulative: intake < reviewer < analyst. Each may do what the ones before it may.
//   intake    upload bundles, see their status
//   reviewer  also read timelines and source pages, open and review flags
//   analyst   also list and export flags across bundles, and the queue dashboard
import type { ApiRole } from '../../store/records.js';

const RANK: Record<ApiRole, number> = { intake: 1, reviewer: 2, analyst: 3 };

export function roleAllows(role: ApiRole, needed: ApiRole): boolean {
  return RANK[role] >= RANK[needed];
}

export function describeRoleNeeded(needed: ApiRole): string {
  const roles = (Object.keys(RANK) as ApiRole[]).filter((r) => roleAllows(r, needed));
  return roles.length === 1 ? `the ${roles[0]} role` : `one of the roles ${roles.join(', ')}`;
}
