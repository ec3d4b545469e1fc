/**
 * `bridgework erase PERSON_ID --yes`: erasure of a person from the terminal — the same erasure as the API's
 * `DELETE /v1/people/{id}` (node, ties, introductions, impressions, keys bound to them; their id pseudonymised in the
 * audit log; the keyed digest kept in the erasure ledger), recorded in the audit log as done by `cli`. Without `--yes`
 * it only says what would go.
 */
import { existsSync } from 'node:fs';
import { BridgeworkError } from '@bridgework/graph-core';
import { openSqliteStore } from '@bridgework/store-sqlite';
import { EXIT, userPath, type Io } from '../context.js';

export interface EraseOptions {
  db: string;
  yes?: boolean;
}

export async function runErase(io: Io, id: string, opts: EraseOptions, now: () => Date = () => new Date()): Promise<number> {
  const path = userPath(opts.db);
  if (!existsSync(path)) {
    io.err(`error: there is no database at ${opts.db}`);
    return EXIT.input;
  }
  const store = await openSqliteStore(path);
  try {
    const node = await store.getNode(id);
    if (!node || node.type !== 'person') {
      throw new BridgeworkError('not-found', `cli/erase: no person with id ${JSON.stringify(id)} in ${opts.db}${node ? ` (it is an ${node.type}: erasure is for people)` : ''}`);
    }
    const api = store.apiStorage();
    const ties = (await store.tiesOf(id)).length;
    const introductions = (await api.listIntroductions({ person: id, limit: 1000 })).length;
    if (!opts.yes) {
      io.out(
        `Would erase ${node.name} (${id}): the person, ${ties} ${ties === 1 ? 'tie' : 'ties'}, ${introductions} ${introductions === 1 ? 'introduction' : 'introductions'}, ` +
          'their impressions and any key bound to them; their id in the audit log becomes a pseudonym.',
      );
      io.err('Nothing was erased: add --yes to erase (it cannot be undone).');
      return EXIT.usage;
    }
    const at = now().toISOString();
    const r = await api.eraseSubject(id, at);
    await api.appendAudit([{ at, actor: 'cli', role: 'admin', action: 'erase', resource: 'person', target: r.pseudonym, requestId: null, status: null }]);
    await store.checkpoint();
    io.out(
      `Erased ${id}: ${r.ties} ${r.ties === 1 ? 'tie' : 'ties'}, ${r.introductions} introductions, ${r.introducerOf} places as introducer, ${r.impressions} impressions, ` +
        `${r.keys} ${r.keys === 1 ? 'key' : 'keys'} revoked; ${r.auditEntries} audit entries now read ${r.pseudonym}.`,
    );
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
