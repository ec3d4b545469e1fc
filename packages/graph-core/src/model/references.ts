/**
 * Cross-record checks for a batch about to be written: ids used for two node types, ties naming unknown nodes or
 * joining node types their kind does not allow, self-ties, members whose coach does not exist. Pure: the caller
 * passes what the store already holds.
 */
import type { InputProblem } from '../errors.js';
import { endpointProblem } from '../graph/bridgework-graph.js';
import type { GraphData, NodeType } from './schemas.js';

export type Section = 'people' | 'organisations' | 'events' | 'ties';

/** Where record `index` of `section` came from, for messages. */
export type OriginOf = (section: Section, index: number) => { file: string; line: number };

const defaultOrigin: OriginOf = (section, index) => ({ file: section, line: index + 1 });

/**
 * Every reference problem in `data`, given the node types that already exist (`existing`, id → type).
 * Batch records win over existing ones with the same id and type (an upsert).
 */
export function referenceProblems(
  data: GraphData,
  existing: ReadonlyMap<string, NodeType>,
  originOf: OriginOf = defaultOrigin,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const types = new Map<string, NodeType>();
  const declare = (section: Section, type: NodeType, ids: { id: string }[]) => {
    ids.forEach(({ id }, i) => {
      const before = types.get(id) ?? existing.get(id);
      if (before && before !== type) {
        problems.push({ ...originOf(section, i), column: 'id', value: id, reason: `id is already used by ${before === 'person' ? 'a' : 'an'} ${before}` });
      } else types.set(id, type);
    });
  };
  declare('people', 'person', data.people);
  declare('organisations', 'organisation', data.organisations);
  declare('events', 'event', data.events);
  const typeOf = (id: string) => types.get(id) ?? existing.get(id);

  data.people.forEach((p, i) => {
    if (p.coachId !== null && typeOf(p.coachId) !== 'person') {
      problems.push({ ...originOf('people', i), column: 'coach_id', value: p.coachId, reason: 'unknown coach id (no such person)' });
    }
  });
  data.ties.forEach((t, i) => {
    const at = originOf('ties', i);
    const s = typeOf(t.source);
    const d = typeOf(t.target);
    if (!s) problems.push({ ...at, column: 'source', value: t.source, reason: 'unknown node id' });
    if (!d) problems.push({ ...at, column: 'target', value: t.target, reason: 'unknown node id' });
    if (t.source === t.target) problems.push({ ...at, column: 'target', value: t.target, reason: 'a tie cannot join a node to itself' });
    else if (s && d) {
      const why = endpointProblem(t.kind, s, d);
      if (why) problems.push({ ...at, column: 'kind', value: t.kind, reason: why });
    }
  });
  return problems;
}
