/**
 * `bridgework import`: read every file, validate every row and every reference against what the database holds, and
 * write it all in one transaction — or, if anything is wrong, list every problem (file, line, column, value, reason)
 * and write nothing.
 */
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import { InputError, parseInputFiles, referenceProblems, withoutKnownPlaceholders } from '@bridgework/graph-core';
import { EXIT, reportError, userPath, type Io } from '../context.js';
import { withStore } from '../store.js';

export interface ImportOptions {
  db: string;
  maxErrors: number;
  provenance?: string;
}

export async function runImport(io: Io, files: string[], opts: ImportOptions): Promise<number> {
  try {
    return await importFiles(io, files, opts);
  } catch (e) {
    if (e instanceof InputError) return reportError(io, e, opts.maxErrors);
    throw e;
  }
}

async function importFiles(io: Io, files: string[], opts: ImportOptions): Promise<number> {
  const texts = [];
  for (const file of files) texts.push({ name: file, text: await readFile(userPath(file), 'utf8') });
  const parsed = parseInputFiles(texts, opts.provenance === undefined ? {} : { provenance: opts.provenance });

  return withStore(opts.db, async (store, dbPath) => {
    const ids = new Set<string>();
    for (const n of [...parsed.data.people, ...parsed.data.organisations, ...parsed.data.events]) ids.add(n.id);
    for (const t of parsed.data.ties) ids.add(t.source).add(t.target);
    for (const p of parsed.data.people) if (p.coachId) ids.add(p.coachId);
    const existing = await store.nodeTypes(ids);
    // People made up for the endpoints of an edge list must not overwrite nodes the database already holds.
    const input = withoutKnownPlaceholders(parsed, (id) => existing.has(id));
    const { data } = input;
    const total = data.people.length + data.organisations.length + data.events.length + data.ties.length;
    const problems = [...input.problems, ...referenceProblems(data, existing, input.originOf)];
    if (problems.length > 0) throw new InputError('cli/import', problems);

    io.err(`import: writing ${total} records to ${dbPath} in one transaction…`);
    const bar = io.tty ? new SingleBar({ format: 'import [{bar}] {percentage}% | {value}/{total} records | {eta_formatted} left', hideCursor: true }) : null;
    bar?.start(total, 0);
    let result;
    try {
      result = await store.applyBatch(data, { onProgress: ({ done }) => bar?.update(done) });
    } finally {
      bar?.stop();
    }
    for (const note of input.notes) io.err(`import: ${note}`);
    io.out(
      `Imported ${total} records (${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged): ` +
        `${data.people.length} people, ${data.organisations.length} organisations, ${data.events.length} events, ${data.ties.length} ties.`,
    );
    return EXIT.ok;
  });
}
