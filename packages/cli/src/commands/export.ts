/** `bridgework export`: the whole graph as JSON, CSV, GEXF (Gephi) or GraphML. */
import { toCsvFiles, toGexf, toGraphml, toJson } from '@bridgework/graph-core';
import { EXIT, userPath, type Io } from '../context.js';
import { writeFileAtomic, writeFilesAtomic } from '../files.js';
import { withStore } from '../store.js';

import type { ExportFormat } from '../option-values.js';
export { EXPORT_FORMATS, type ExportFormat } from '../option-values.js';

export async function runExport(io: Io, opts: { db: string; format: ExportFormat; out: string }): Promise<number> {
  const data = await withStore(opts.db, (store) => store.exportData());
  const out = userPath(opts.out);
  let written: string[];
  switch (opts.format) {
    case 'csv':
      written = await writeFilesAtomic(out, toCsvFiles(data));
      break;
    case 'json':
      await writeFileAtomic(out, toJson(data));
      written = [out];
      break;
    case 'gexf':
      await writeFileAtomic(out, toGexf(data));
      written = [out];
      break;
    case 'graphml':
      await writeFileAtomic(out, toGraphml(data));
      written = [out];
      break;
  }
  const nodes = data.people.length + data.organisations.length + data.events.length;
  io.out(`Exported ${nodes} nodes and ${data.ties.length} ties as ${opts.format}: ${written.join(', ')}`);
  return EXIT.ok;
}
