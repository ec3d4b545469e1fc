/**
 * The command tree. Each command lives in `commands/<name>.ts` and is a thin adapter: parse options, read or write
 * files, call graph-core and the store, print.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, DEFAULT_DB, processIo, reportError, type Io } from './context.js';
import { DEFAULT_MAP_NODES, EXPORT_FORMATS, SERVE_DEFAULTS, parseBetweenness, parseHistoryFraction, parseRollingFractions, parseTestFraction } from './option-values.js';
import type { KeysCreateOptions } from './commands/keys.js';
import type { runAnalyze } from './commands/analyze.js';
import type { runEgo } from './commands/ego.js';
import type { runEvaluate } from './commands/evaluate.js';
import type { runSuggest } from './commands/suggest.js';

// Each command's module is loaded when the command runs (they pull in graph-core, the store, the matcher or the API).
const commands = {
  analyze: () => import('./commands/analyze.js'),
  backup: () => import('./commands/backup.js'),
  erase: () => import('./commands/erase.js'),
  restore: () => import('./commands/restore.js'),
  demoTown: () => import('./commands/demo-town.js'),
  ego: () => import('./commands/ego.js'),
  evaluate: () => import('./commands/evaluate.js'),
  export: () => import('./commands/export.js'),
  import: () => import('./commands/import.js'),
  keys: () => import('./commands/keys.js'),
  serve: () => import('./commands/serve.js'),
  start: () => import('./commands/start.js'),
  stats: () => import('./commands/stats.js'),
  suggest: () => import('./commands/suggest.js'),
};

const dbOption = () => new Option('--db <path>', 'SQLite database file').default(DEFAULT_DB);

function intOption(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}, not ${JSON.stringify(value)}`);
    return n;
  };
}

/** A parser whose errors are usage errors (exit code 2). */
function asUsage<T>(parse: (value: string) => T) {
  return (value: string): T => {
    try {
      return parse(value);
    } catch (e) {
      throw new InvalidArgumentError(e instanceof Error ? e.message.replace(/^cli\/\w+: /, '') : String(e));
    }
  };
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('bridgework')
    .description('Bridgework: a relationship-graph engine for relationships-based employability services.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .exitOverride();

  const wrap =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A) => {
      try {
        setExit(await fn(...args));
      } catch (e) {
        setExit(reportError(io, e));
      }
    };

  program
    .command('start')
    .description(
      'Open the embedded database (seeding it with the demo town if it is empty), show what it holds, create a local\n' +
        'admin API key if there is none (printed once) and serve the web app and the API until Ctrl-C',
    )
    .addOption(dbOption())
    .option('--no-seed', 'do not seed an empty database')
    .option('--no-serve', 'stop after the summary (no key, no server)')
    .option('--port <n>', 'port to listen on (0: any free port)', intOption('--port', 0), SERVE_DEFAULTS.port)
    .option('--host <host>', 'address to listen on', SERVE_DEFAULTS.host)
    .action(wrap((opts: { db: string; seed: boolean; serve: boolean; port: number; host: string }) => commands.start().then((m) => m.runStart(io, opts))));

  program
    .command('serve')
    .description('Serve the web app and the HTTP API over the database until SIGTERM or Ctrl-C (graceful: in-flight requests finish)')
    .addOption(dbOption())
    .option('--port <n>', 'port to listen on (0: any free port)', intOption('--port', 0), SERVE_DEFAULTS.port)
    .option('--host <host>', 'address to listen on', SERVE_DEFAULTS.host)
    .action(wrap((opts: { db: string; port: number; host: string }) => commands.serve().then((m) => m.runServe(io, opts))));

  const keys = program.command('keys').description('API keys: create (printed once), list, revoke');
  keys
    .command('create')
    .description('Create an API key and print it (only its hash is stored)')
    .addOption(dbOption())
    .addOption(new Option('--role <role>', 'what the key may do').choices(['admin', 'coach', 'analyst', 'service']).makeOptionMandatory())
    .option('--coach <id>', "for --role coach: the coach's person id (required)")
    .option('--name <text>', 'a label, e.g. who holds the key')
    .option('--scope <scope...>', 'for --role service: what it may do (e.g. people:read ties:write import)')
    .action(wrap((opts: KeysCreateOptions) => commands.keys().then((m) => m.runKeysCreate(io, opts))));
  keys
    .command('list')
    .description('List API keys (never their secrets)')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action(wrap((opts: { db: string; json?: boolean }) => commands.keys().then((m) => m.runKeysList(io, opts))));
  keys
    .command('revoke')
    .description('Revoke an API key at once')
    .argument('<id>', 'the key id (from keys list)')
    .addOption(dbOption())
    .action(wrap((id: string, opts: { db: string }) => commands.keys().then((m) => m.runKeysRevoke(io, id, opts))));

  program
    .command('import')
    .description(
      'Import files into the database in one transaction: all or nothing.\n' +
        'Recognised: people.csv, organisations.csv, events.csv, ties.csv (by name), *.json (the same shapes),\n' +
        'edge lists (*.tsv, *.csv, *.txt, *.edges: first two columns are the endpoints), *.gexf, *.graphml.',
    )
    .argument('<files...>', 'files to import')
    .addOption(dbOption())
    .option('--max-errors <n>', 'problems to list before summarising the rest', intOption('--max-errors', 1), 50)
    .option('--provenance <text>', 'who recorded these ties (default: import:<file name>)')
    .action(wrap((files: string[], opts: { db: string; maxErrors: number; provenance?: string }) => commands.import().then((m) => m.runImport(io, files, opts))));

  program
    .command('export')
    .description('Export the whole graph: json, csv (a folder of people/organisations/events/ties.csv), gexf (opens in Gephi) or graphml')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <path>', 'output file (a folder for csv)')
    .action(wrap((opts: { db: string; format: (typeof EXPORT_FORMATS)[number]; out: string }) => commands.export().then((m) => m.runExport(io, opts))));

  program
    .command('backup')
    .description(
      'A consistent copy of the whole database (graph, introductions, keys, audit log), also while the server runs:\n' +
        'one checked file, never overwriting one (bring it back with restore)',
    )
    .addOption(dbOption())
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .action(wrap((opts: { db: string; out: string }) => commands.backup().then((m) => m.runBackup(io, opts))));

  program
    .command('erase')
    .description(
      'Erase a person (the right to erasure): the same erasure as the API\'s DELETE /v1/people/{id}, audited as done\n' +
        'by cli; without --yes it only says what would go',
    )
    .argument('<person-id>', 'the person to erase')
    .addOption(dbOption())
    .option('--yes', 'erase (it cannot be undone)')
    .action(wrap((id: string, opts: { db: string; yes?: boolean }) => commands.erase().then((m) => m.runErase(io, id, opts))));

  program
    .command('restore')
    .description(
      'A backup into a new database file, erasing again everyone the current database (--db) erased since the backup\n' +
        'was made; the current database is only read (swap the files with the server stopped)',
    )
    .addOption(dbOption())
    .requiredOption('--from <backup>', 'the backup file')
    .requiredOption('--out <file>', 'the new database file to write (must not exist)')
    .option('--without-erasures', 'the current database is lost: restore without its erasure ledger (re-run erasures from your records)')
    .action(wrap((opts: { db: string; from: string; out: string; withoutErasures?: boolean }) => commands.restore().then((m) => m.runRestore(io, opts))));

  program
    .command('stats')
    .description('Counts of people by role, organisations by sector, events by kind, ties by kind, and connected components')
    .addOption(dbOption())
    .option('--json', 'print JSON instead of tables')
    .action(wrap((opts: { db: string; json?: boolean }) => commands.stats().then((m) => m.runStats(io, opts))));

  program
    .command('analyze')
    .description(
      'Analyse the network: degree, strength, betweenness, closeness, PageRank, eigenvector, Burt\'s structural holes,\n' +
        'communities and components; with --db also node types, the community × sector reach table, brokers and isolates.',
    )
    .option('--db <path>', 'analyse the database (people and organisations; ties decayed to --now; events as weak ties)')
    .option('--edges <file>', 'analyse a plain edge list (undirected unless --directed; duplicate pairs merged, self-loops dropped)')
    .option('--directed', 'with --edges: each row is an arc from the first column to the second (in/out degree, directed paths)')
    .option('--weighted', 'use tie strengths / the weight column (as closeness: path length 1/weight)')
    .option('--betweenness <mode>', 'exact, or sampled:K: betweenness and closeness estimated from K pivot sources', asUsage(parseBetweenness), 'exact' as const)
    .option('--seed <n>', 'seed for sampling and community detection', intOption('--seed', 0), 42)
    .addOption(new Option('--communities <method>', 'community detection').choices(['louvain', 'leiden']).default('louvain'))
    .option('--now <date>', 'with --db: the date ties are decayed to (default: today)')
    .requiredOption('--json <out>', 'write the analysis as JSON here')
    .option('--html <out>', 'also write a self-contained HTML report here')
    .option('--map-nodes <n>', 'draw at most this many nodes on the report map', intOption('--map-nodes', 10), DEFAULT_MAP_NODES)
    .action(wrap((opts: Parameters<typeof runAnalyze>[1]) => commands.analyze().then((m) => m.runAnalyze(io, opts))));

  program
    .command('ego')
    .description(
      "One person's network (ties weighted by their strength, decayed to --now): size, density, Burt's effective size\n" +
        'and constraint, sectors and communities within two steps, and the steps to the nearest organisation of each sector',
    )
    .argument('<person-id>', 'the person')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .option('--now <date>', 'the date ties are decayed to (default: today)')
    .option('--seed <n>', 'seed for community detection', intOption('--seed', 0), 42)
    .action(wrap((id: string, opts: Parameters<typeof runEgo>[2]) => commands.ego().then((m) => m.runEgo(io, id, opts))));

  program
    .command('suggest')
    .description(
      'Introductions for a person: who to meet, who can introduce them (the path and its ties), the score and reasons\n' +
        'a coach can read aloud; or, with --caseload COACH_ID, for every member a coach supports (asks spread over introducers)',
    )
    .argument('[person-id]', 'the person (omit with --caseload)')
    .addOption(dbOption())
    .option('--k <n>', 'how many suggestions', intOption('--k', 1), 10)
    .option('--profile <name>', 'weight profile: balanced, warm or bridging', 'balanced')
    .option('--caseload <coach-id>', "suggestions for every member of this coach's caseload")
    .option('--json', 'print JSON')
    .option('--now <date>', 'the date ties are decayed to (default: today)')
    .option('--seed <n>', 'seed for community detection', intOption('--seed', 0), 42)
    .option('--likelihood <name>', 'resource-allocation, or learned (the link model fitted on the graph\'s own history; slower)', 'resource-allocation')
    .action(wrap((id: string | undefined, opts: Parameters<typeof runSuggest>[2]) => commands.suggest().then((m) => m.runSuggest(io, id, opts))));

  program
    .command('evaluate')
    .description(
      'Link-prediction evaluation on a timestamped edge list: split in time, rank each person\'s candidates with the\n' +
        'baselines and the matcher profiles, and score them on the new ties of the test period (docs/evaluation.md)',
    )
    .requiredOption(
      '--edges <file>',
      'edge list with a header naming a time, timestamp, unix_time or date column; give it once per wave for panel\n' +
        'waves (the same people surveyed at two or more times: wave w\'s ties happen at time w)',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--test-fraction <f>', 'share of the events in the test period, in (0, 1)', asUsage(parseTestFraction), 0.2)
    .option('--history-fraction <f>', 'run on the first share of the history only, in (0, 1] (an earlier test period)', asUsage(parseHistoryFraction), 1)
    .option('--rolling <f,f,…>', 'run on each first share of the history in turn (rolling origin, e.g. 0.5,0.6,0.7,0.8,0.9,1): a\nsummary row per run, the runs in the JSON, the gains as a picture with --svg', asUsage(parseRollingFractions))
    .option('--k <n>', 'length of the ranked lists scored', intOption('--k', 1), 10)
    .option('--seed <n>', 'seed for the random baseline, communities and the learned model', intOption('--seed', 0), 42)
    .option('--hindsight', 'also rank with the link model\'s weights learned from the test period itself: the ceiling of its\nfeatures on this split, not a forecast (JSON "hindsight"; extra rows in the table)')
    .requiredOption('--json <out>', 'write the results as JSON here')
    .option('--svg <out>', 'also draw the results as a picture here (SVG): hits against reach, the goal region, the intervals')
    .action(wrap((opts: Parameters<typeof runEvaluate>[1]) => commands.evaluate().then((m) => m.runEvaluate(io, opts))));

  program
    .command('demo-town')
    .description('Generate the demo town (a seeded, synthetic local network) as CSV files')
    .option('--seed <n>', 'random seed', intOption('--seed', 0), 42)
    .option('--out <dir>', 'output folder', 'fixtures/demo-town')
    .action(wrap((opts: { seed: number; out: string }) => commands.demoTown().then((m) => m.runDemoTown(io, opts))));

  return program;
}

/** Run the CLI with `argv` (without node and script) and resolve to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    return reportError(io, e);
  }
  return code;
}
