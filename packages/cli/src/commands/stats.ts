/** `bridgework stats`: what the database holds. */
import { summarizeGraph, type GraphSummary } from '@bridgework/graph-core';
import type { Io } from '../context.js';
import { EXIT } from '../context.js';
import { withStore } from '../store.js';
import { table } from '../format.js';

export async function runStats(io: Io, opts: { db: string; json?: boolean }): Promise<number> {
  const summary = await withStore(opts.db, async (store) => summarizeGraph(await store.loadGraph()));
  io.out(opts.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  return EXIT.ok;
}

export function formatSummary(s: GraphSummary): string {
  const lines: string[] = [];
  lines.push(`People: ${s.people.total} (${s.people.consentedToIntroductions} consented to introductions)`);
  lines.push(table(['role', 'people'], [...Object.entries(s.people.byRole), ...(s.people.withoutRole ? [['(no role)', s.people.withoutRole] as const] : [])]));
  lines.push('', `Organisations: ${s.organisations.total} (${s.organisations.hiring} hiring)`);
  lines.push(table(['sector', 'organisations'], Object.entries(s.organisations.bySector).map(([k, v]) => [`${k}  ${v.label}`, v.count])));
  lines.push('', `Events: ${s.events.total}`);
  if (s.events.total) lines.push(table(['kind', 'events'], Object.entries(s.events.byKind)));
  lines.push('', `Ties: ${s.ties.total}`);
  if (s.ties.total) lines.push(table(['kind', 'ties'], Object.entries(s.ties.byKind)));
  lines.push(
    '',
    `Connected components: ${s.components.count} (largest ${s.components.largest} nodes, ${s.components.isolated} isolated node${s.components.isolated === 1 ? '' : 's'})`,
  );
  return lines.join('\n');
}
