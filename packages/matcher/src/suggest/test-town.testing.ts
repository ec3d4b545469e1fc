/**
 * A small hand-made town for the matcher's tests: Dana (a member aiming for hospitality, chef) knows Priya from
 * work; Priya meets Sam, head chef at Riverside Café, at the Tuesday lunch and knows him; more people around them
 * exercise each hard rule. Dates relative to NOW.
 */
import { BridgeworkGraph, EventSchema, OrganisationSchema, PersonSchema, TieSchema, type PersonInput, type TieInput } from '@bridgework/graph-core';

export const NOW = new Date('2026-11-01T00:00:00Z');
const yes = { introductions: true, recordedAt: '2026-01-10', recordedBy: 'coach:c1' };

export interface TownTweaks {
  people?: Record<string, Partial<PersonInput>>;
  extraTies?: TieInput[];
  dropTies?: string[];
}

export function smallTown(tweaks: TownTweaks = {}): BridgeworkGraph {
  const base: PersonInput[] = [
    { id: 'c1', name: 'Carol Evans', roles: ['coach', 'staff'], consent: yes },
    { id: 'dana', name: 'Dana Lee', roles: ['member'], coachId: 'c1', goals: { sectors: ['I'], roles: ['chef'] }, skills: ['food hygiene'], consent: yes },
    { id: 'priya', name: 'Priya Shah', roles: ['volunteer', 'employee'], sectors: ['I'], consent: yes },
    { id: 'sam', name: 'Sam Okafor', roles: ['employee'], sectors: ['I'], consent: yes },
    { id: 'omar', name: 'Omar Haddad', roles: ['employee'], sectors: ['I'], consent: yes },
    { id: 'rita', name: 'Rita Moss', roles: ['employee'], sectors: ['I'], consent: yes },
    { id: 'lee', name: 'Lee Park', roles: ['employee'], sectors: ['I'], consent: { introductions: false, recordedAt: null, recordedBy: null } },
    { id: 'tom', name: 'Tom Reed', roles: ['employee'], sectors: ['F'], consent: yes },
    { id: 'ben', name: 'Ben Ward', roles: ['member'], coachId: 'c1', goals: { sectors: ['I'], roles: ['kitchen porter'] }, consent: yes },
    { id: 'nia', name: 'Nia Jones', roles: ['employer-contact'], sectors: ['Q'], consent: yes },
    { id: 'zed', name: 'Zed Cole', roles: ['employee'], sectors: ['C'], consent: yes },
  ];
  const people = base.map((p) => ({ ...p, ...(tweaks.people?.[p.id] ?? {}) }));
  const t = (source: string, target: string, kind: TieInput['kind'], strength: number, lastContact: string | null = '2026-10-20', attributes: Record<string, string | number | boolean> = {}): TieInput => ({
    source,
    target,
    kind,
    strength,
    lastContact,
    attributes,
  });
  const ties: TieInput[] = [
    t('c1', 'dana', 'coaches', 0.6),
    t('c1', 'ben', 'coaches', 0.6),
    t('dana', 'priya', 'worked-with', 0.6),
    t('dana', 'tom', 'knows', 0.5),
    t('priya', 'sam', 'knows', 0.5),
    t('priya', 'omar', 'friend', 0.8),
    t('priya', 'rita', 'friend', 0.7),
    t('priya', 'lee', 'friend', 0.8),
    t('priya', 'tom', 'knows', 0.5),
    t('priya', 'ben', 'knows', 0.5),
    t('c1', 'nia', 'knows', 0.5),
    t('nia', 'zed', 'worked-with', 0.5),
    t('sam', 'cafe', 'works-at', 0.8, '2026-10-31', { job_title: 'Head Chef' }),
    t('omar', 'cafe', 'works-at', 0.8, '2026-10-31', { job_title: 'Sous Chef' }),
    t('rita', 'bistro', 'works-at', 0.8, '2026-10-31', { job_title: 'Cook' }),
    t('lee', 'bistro', 'works-at', 0.8, '2026-10-31', { job_title: 'Chef' }),
    t('nia', 'clinic', 'works-at', 0.8, '2026-10-31', { job_title: 'Practice Manager' }),
    t('zed', 'works', 'works-at', 0.8, '2026-10-31', { job_title: 'Machinist' }),
    t('priya', 'lunch', 'attended', 0.35, null),
    t('sam', 'lunch', 'attended', 0.35, null),
    ...(tweaks.extraTies ?? []),
  ].filter((x) => !(tweaks.dropTies ?? []).includes(`${x.source}-${x.target}`));
  return BridgeworkGraph.from({
    people: people.map((p) => PersonSchema.parse(p)),
    organisations: [
      OrganisationSchema.parse({ id: 'cafe', name: 'Riverside Café', sector: 'I', hiring: true }),
      OrganisationSchema.parse({ id: 'bistro', name: 'Bridge Street Bistro', sector: 'I' }),
      OrganisationSchema.parse({ id: 'clinic', name: 'Millbrook Clinic', sector: 'Q' }),
      OrganisationSchema.parse({ id: 'works', name: 'Canal Works', sector: 'C' }),
    ],
    events: [EventSchema.parse({ id: 'lunch', name: 'Tuesday Lunch', kind: 'lunch', date: '2026-10-27' })],
    ties: ties.map((x) => TieSchema.parse(x)),
  });
}
