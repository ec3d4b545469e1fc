/** `bridgework demo-town`: write the seeded demo town as the four domain CSV files. */
import { generateDemoTown, toCsvFiles } from '@bridgework/graph-core';
import { EXIT, userPath, type Io } from '../context.js';
import { writeFilesAtomic } from '../files.js';

export async function runDemoTown(io: Io, opts: { seed: number; out: string }): Promise<number> {
  const data = generateDemoTown({ seed: opts.seed });
  const written = await writeFilesAtomic(userPath(opts.out), toCsvFiles(data));
  io.out(
    `Demo town (seed ${opts.seed}): ${data.people.length} people, ${data.organisations.length} organisations, ` +
      `${data.events.length} events, ${data.ties.length} ties.\n${written.map((w) => `  ${w}`).join('\n')}`,
  );
  return EXIT.ok;
}
