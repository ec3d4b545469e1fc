/**
 * Who may do what. Roles: admin (everything), coach (their caseload: see access.ts), analyst (aggregates and the
 * pseudonymised graph), service (the scopes given when its key was created).
 */
import type { Scope } from '../schemas.js';
import type { ApiRole } from '../storage.js';

/**
 * A permission: a scope, `keys:admin` (managing keys), which only admin keys have, or `graph:export` (the whole
 * graph as a file), which admin keys have and analyst keys have pseudonymised; no service scope grants either.
 */
export type Permission = Scope | 'keys:admin' | 'graph:export';

const NEVER_A_SCOPE: ReadonlySet<Permission> = new Set(['keys:admin', 'graph:export']);

const ROLE_PERMISSIONS: Record<Exclude<ApiRole, 'admin' | 'service'>, readonly Permission[]> = {
  coach: [
    'people:read',
    'people:write',
    'people:export',
    'organisations:read',
    'events:read',
    'ties:read',
    'ties:write',
    'suggestions:read',
    'introductions:read',
    'introductions:write',
    'analytics:read',
  ],
  analyst: ['analytics:read', 'organisations:read', 'events:read', 'graph:export'],
};

/** The authenticated caller of a request. */
export interface Caller {
  keyId: string;
  role: ApiRole;
  coachId: string | null;
  scopes: readonly string[];
}

export function permits(caller: Caller, permission: Permission): boolean {
  if (caller.role === 'admin') return true;
  if (caller.role === 'service') return !NEVER_A_SCOPE.has(permission) && caller.scopes.includes(permission);
  return ROLE_PERMISSIONS[caller.role].includes(permission);
}

/** How the caller is named in records they write (consent's recordedBy, a tie's provenance). */
export const recorder = (caller: Caller): string => `api-key:${caller.keyId}`;
