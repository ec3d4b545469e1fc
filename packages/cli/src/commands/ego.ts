/**
 * `bridgework ego`: one person's network at a glance — size, density, Burt's effective size and constraint, the
 * sectors and communities reached within one and two steps, and the steps to the nearest organisation of each
 * sector. What a coach looks at before asking for introductions.
 */
import {
  BridgeworkError,
  SIC_SECTIONS,
  TIE_KIND_NAMES,
  coAttendanceTies,
  egoReport,
  louvain,
  nodeFacts,
  projectGraph,
  structuralHoles,
  type EgoReport,
} from '@bridgework/graph-core';
import { EXIT, type Io } from '../context.js';
import { table } from '../format.js';
import { withStore } from '../store.js';

export interface EgoOptions {
  db: string;
  json?: boolean;
  now?: string;
  seed: number;
}

export async function runEgo(io: Io, personId: string, opts: EgoOptions): Promise<number> {
  const now = opts.now ? new Date(opts.now.length === 10 ? `${opts.now}T00:00:00Z` : opts.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new BridgeworkError('validation', `cli/ego: --now must be a date, not ${JSON.stringify(opts.now)}`);
  const domain = await withStore(opts.db, (store) => store.loadGraph());
  const person = domain.person(personId);
  if (!person) throw new BridgeworkError('not-found', `cli/ego: no person with id ${JSON.stringify(personId)} in ${opts.db}`);
  const g = projectGraph(domain, {
    now,
    nodeTypes: ['person', 'organisation'],
    kinds: TIE_KIND_NAMES.filter((k) => k !== 'attended'),
    extraTies: coAttendanceTies(domain, { now }),
  });
  const holes = structuralHoles(g, { weighted: true });
  const { communities } = louvain(g, { seed: opts.seed });
  const report = egoReport(g, g.indexOf(personId), {
    facts: nodeFacts(domain, g),
    communities,
    constraint: holes.constraint,
    effectiveSize: holes.effectiveSize,
  });
  io.out(opts.json ? JSON.stringify({ name: person.name, now: now.toISOString(), ...report }, null, 2) : formatEgo(person.name, report));
  return EXIT.ok;
}

const num = (v: number | null, digits = 2) => (v === null ? '–' : v.toFixed(digits));

export function formatEgo(name: string, r: EgoReport): string {
  const lines = [
    `${name} (${r.id})`,
    `  contacts: ${r.size}   density: ${num(r.density)}   effective size: ${num(r.effectiveSize)}   constraint: ${num(r.constraint)}`,
    `  community ${r.community}; communities within two steps: ${r.communities.twoSteps.join(', ') || 'none'}`,
    `  sectors within one step: ${r.sectors.oneStep.join(' ') || 'none'}; within two steps: ${r.sectors.twoSteps.join(' ') || 'none'}`,
    '',
    table(
      ['sector', 'steps to the nearest organisation'],
      Object.entries(r.stepsToSector).map(([s, d]) => [`${s}  ${SIC_SECTIONS[s as keyof typeof SIC_SECTIONS]}`, d === null ? 'out of reach' : d]),
    ),
  ];
  return lines.join('\n');
}
