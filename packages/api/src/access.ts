/**
 * Object-level access for coaches: a coach sees their own caseload (members whose coachId is theirs), themselves,
 * and the people their members may be introduced to (anyone who is not a member and has consented to
 * introductions). Anyone else is answered exactly as if they did not exist (404), so a coach cannot learn who
 * another coach's members are. A coach changes only their own members.
 */
import type { GraphStore, NodeRecord, Person } from '@bridgework/graph-core';
import type { Caller } from './auth/permissions.js';
import { ApiError } from './http/problems.js';

export const isOwnMember = (caller: Caller, p: Person): boolean => caller.coachId !== null && p.coachId === caller.coachId;

/** Whether the caller may see this person at all (non-coach roles reaching here have the permission for everyone). */
export function canSeePerson(caller: Caller, p: Person): boolean {
  if (caller.role !== 'coach') return true;
  return p.id === caller.coachId || isOwnMember(caller, p) || (!p.roles.includes('member') && p.consent.introductions);
}

export const notFound = (what: string, id: string) => new ApiError('not-found', `no ${what} with id ${JSON.stringify(id)}`);

/** The person, if the caller may see them; else 404 (whether or not they exist). */
export async function personFor(graph: GraphStore, caller: Caller, id: string): Promise<Person> {
  const node = await graph.getNode(id);
  if (!node || node.type !== 'person' || !canSeePerson(caller, node)) throw notFound('person', id);
  const { type: _type, ...person } = node;
  return person;
}

/** The person, if the caller may change them: 404 when invisible, 403 when visible but not the coach's own member. */
export async function personToChange(graph: GraphStore, caller: Caller, id: string): Promise<Person> {
  const person = await personFor(graph, caller, id);
  if (caller.role === 'coach' && !isOwnMember(caller, person)) {
    throw new ApiError('forbidden', 'a coach may change only the members of their own caseload');
  }
  return person;
}

/** Refuse a coach writing a person that is not their own member, or granting roles only staff may grant. */
export function checkCoachWrite(caller: Caller, p: Person): void {
  if (caller.role !== 'coach') return;
  if (p.coachId !== caller.coachId) throw new ApiError('forbidden', 'a coach may assign members only to themselves (coachId)');
  if (!p.roles.includes('member')) throw new ApiError('forbidden', 'a coach may create and change only members (roles must include member)');
  const granted = p.roles.filter((r) => r === 'coach' || r === 'staff');
  if (granted.length > 0) throw new ApiError('forbidden', `a coach may not grant the role ${granted[0]}`);
}

/** Whether a coach may see a node as a tie endpoint (organisations and events are not personal data). */
export function canSeeNode(caller: Caller, node: NodeRecord | undefined): boolean {
  if (!node) return false;
  return node.type !== 'person' || canSeePerson(caller, node);
}

/** Whether a node is in the coach's caseload (their member or themselves). */
export function inCaseload(caller: Caller, node: NodeRecord | undefined): boolean {
  if (caller.role !== 'coach') return true;
  return node !== undefined && node.type === 'person' && (node.id === caller.coachId || isOwnMember(caller, node));
}
