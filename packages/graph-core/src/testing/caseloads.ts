/** Test support: the demo town's caseloads, so tests pick "the coach with the most members" the same way. */
import type { GraphData } from '../model/schemas.js';

/** Each coach's members (people with the member role and that coach), in the order of `data.people`. */
export function caseloads(data: GraphData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of data.people) if (p.coachId && p.roles.includes('member')) out.set(p.coachId, [...(out.get(p.coachId) ?? []), p.id]);
  return out;
}

/** The coach with the most members, the smallest coach id among equals, and their members. Throws when no one has a coach. */
export function largestCaseload(data: GraphData): { coachId: string; members: string[] } {
  let best: [string, string[]] | undefined;
  for (const entry of caseloads(data)) {
    if (!best || entry[1].length > best[1].length || (entry[1].length === best[1].length && entry[0] < best[0])) best = entry;
  }
  if (!best) throw new Error('largestCaseload: no member has a coach');
  return { coachId: best[0], members: best[1] };
}
