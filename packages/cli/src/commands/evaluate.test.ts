import { describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInProcess } from '../testing/in-process.js';
import { REPO_ROOT, runCli, withTempDir } from '../testing/run-cli.js';


const DNC = join(REPO_ROOT, 'fixtures/real/dnc_email_temporal_2016_relabelled/edges.tsv');
const REFERENCE = join(REPO_ROOT, 'fixtures/reference/lp/lp-dnc_email_temporal_2016_relabelled.json');

describe('bridgework evaluate', () => {
  it('evaluates a timestamped edge list, writes the JSON and prints the table', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'dnc.json');
      const r = await runCli(['evaluate', '--edges', DNC, '--json', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(await readFile(out, 'utf8'));
      const ref = JSON.parse(await readFile(REFERENCE, 'utf8'));
      expect(result).toMatchObject({ k: 10, testFraction: 0.2, trainNodes: ref.trainNodes, trainEdges: ref.trainEdges, queries: ref.queries, testPairs: ref.testPairs });
      expect(Object.keys(result.methods)).toEqual([
        'random',
        'preferential-attachment',
        'common-neighbours',
        'jaccard',
        'adamic-adar',
        'resource-allocation',
        'matcher:balanced',
        'matcher:warm',
        'matcher:bridging',
      ]);
      expect(result.methods['common-neighbours'].hitsAtK).toBeCloseTo(ref.methods['common-neighbours'].hitsAtK, 2);
      expect(result.methods['matcher:balanced'].hitsAtK).toBeGreaterThan(result.methods['common-neighbours'].hitsAtK);
      expect(Object.keys(result.linkModel.coefficients)).toContain('commonNeighbours');
      // The paired comparison: against the best baseline, and wins − losses is the difference in people with a hit.
      const versus = result.comparisons['matcher:balanced'];
      expect(versus.against).toBe('common-neighbours');
      const people = (m: string) => Math.round(result.methods[m].hitsAtK * result.queries);
      expect(versus.wins - versus.losses).toBe(people('matcher:balanced') - people('common-neighbours'));
      expect(versus.gain).toBeCloseTo(people('matcher:balanced') / people('common-neighbours'), 10);
      expect(versus.interval[0]).toBeLessThan(versus.gain);
      expect(versus.interval[1]).toBeGreaterThan(versus.gain);
      expect(r.stdout).toMatch(/matcher:balanced\s+common-neighbours\s+\+\d+\.\d%/);
      expect(r.stdout).toMatch(/train 1481 nodes, 3651 ties; 208 query nodes, 280 new ties/);
      expect(r.stdout).toMatch(/matcher:balanced\s+0\.\d{3}/);
      expect(r.stdout).toContain(`JSON: ${out}`);
    });
  });

  it('adds the rows of the model fitted in hindsight with --hindsight, and draws the picture with --svg', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'dnc.json');
      const picture = join(dir, 'dnc.svg');
      const r = await runInProcess(['evaluate', '--edges', DNC, '--hindsight', '--json', out, '--svg', picture]);
      expect(r.code).toBe(0);
      const svg = await readFile(picture, 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).toContain('data-method="matcher:balanced (hindsight)"');
      expect(r.stdout).toContain(`Picture: ${picture}`);
      const result = JSON.parse(await readFile(out, 'utf8'));
      expect(result.hindsight.fit.source).toBe('hindsight');
      const balanced = result.hindsight.methods['matcher:balanced'].hitsAtK.toFixed(3);
      expect(r.stdout).toMatch(new RegExp(`\\(hindsight\\) matcher:balanced\\s+${balanced.replace('.', '\\.')}`));
      expect(r.stdout).toMatch(/\(hindsight\) likelihood alone/);
      expect(r.stdout).toMatch(/not a forecast/);
    });
  });

  it('honours --k, --test-fraction and --seed', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'small.tsv');
      // Two triangles closing over time, then new ties across.
      const rows = ['from\tto\ttime'];
      const pairs = ['a b', 'b c', 'c d', 'd e', 'e f', 'f a', 'a c', 'b d', 'c e', 'd f', 'e a', 'f b', 'a d', 'b e', 'c f', 'g a', 'g b', 'h c', 'h d', 'g h', 'g c', 'h a', 'g d', 'h b'];
      pairs.forEach((p, i) => rows.push(`${p.replace(' ', '\t')}\t${i + 1}`));
      await writeFile(file, `${rows.join('\n')}\n`);
      const out = join(dir, 'small.json');
      const r = await runInProcess(['evaluate', '--edges', file, '--k', '3', '--test-fraction', '0.25', '--seed', '7', '--json', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(await readFile(out, 'utf8'));
      expect(result.k).toBe(3);
      expect(result.testFraction).toBe(0.25);
      expect(r.stdout).toMatch(/hits@3/);
    });
  });

  it('exits non-zero with a located message for a missing file, a bad row, no time column or a bad fraction', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'x.json');
      const bad = join(dir, 'bad.tsv');
      await writeFile(bad, 'from\tto\ttime\na\tb\t1\nb\tc\tlater\n');
      const untimed = join(dir, 'untimed.tsv');
      await writeFile(untimed, 'from\tto\na\tb\nb\tc\n');
      // In process, through the same command tree as the binary (spawning is slow on a busy machine).
      const missing = await runInProcess(['evaluate', '--edges', join(dir, 'nope.tsv'), '--json', out]);
      const badRow = await runInProcess(['evaluate', '--edges', bad, '--json', out]);
      const noTime = await runInProcess(['evaluate', '--edges', untimed, '--json', out]);
      const fraction = await runInProcess(['evaluate', '--edges', DNC, '--test-fraction', '1.5', '--json', out]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/ENOENT.*nope\.tsv/);

      expect(badRow.code).toBe(1);
      expect(badRow.stderr).toMatch(/bad\.tsv:3, column time: the time must be a number or an ISO date.*"later"/);

      expect(noTime.code).toBe(1);
      expect(noTime.stderr).toMatch(/untimed\.tsv has no time column: its columns are from, to/);

      expect(fraction.code).toBe(2);
      expect(fraction.stderr).toMatch(/--test-fraction must be a number strictly between 0 and 1, not "1\.5"/);
      await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
    });
  });

  it('runs on an earlier stretch of the history with --history-fraction, and refuses one outside (0, 1]', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'early.json');
      const r = await runInProcess(['evaluate', '--edges', DNC, '--history-fraction', '0.6', '--json', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(await readFile(out, 'utf8'));
      const full = JSON.parse(await readFile(REFERENCE, 'utf8'));
      expect(result.historyFraction).toBe(0.6);
      expect(result.trainNodes).toBeLessThan(full.trainNodes);
      expect(result.queries).toBe(158);
      expect(r.stdout).toContain('(its first 60%)');
      const bad = await runInProcess(['evaluate', '--edges', DNC, '--history-fraction', '0', '--json', out]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--history-fraction must be a number in \(0, 1\], not "0"/);
    });
  });

  it('runs the protocol on each first share of the history with --rolling, one row and one JSON run each, and draws the gains', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'rolling.json');
      const picture = join(dir, 'rolling.svg');
      const r = await runInProcess(['evaluate', '--edges', DNC, '--rolling', '0.6,1', '--json', out, '--svg', picture]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(await readFile(out, 'utf8'));
      expect(result.source).toBe(DNC);
      expect(result.runs.map((x: { historyFraction: number }) => x.historyFraction)).toEqual([0.6, 1]);
      // The same figures as one run at a time: 158 and 208 query people (see the tests above).
      expect(result.runs.map((x: { queries: number }) => x.queries)).toEqual([158, 208]);
      const gain = result.runs[1].comparisons['matcher:balanced'].gain as number;
      expect(r.stdout).toMatch(new RegExp(`all\\s+208\\s+common-neighbours 0\\.486\\s+0\\.538\\s+\\+${((gain - 1) * 100).toFixed(1).replace('.', '\\.')}%`));
      expect(r.stdout).toMatch(/first 60%\s+158/);
      const svg = await readFile(picture, 'utf8');
      expect(svg.match(/class="gain" cx="[\d.]+" cy="[\d.]+" r="5" data-history/g)).toHaveLength(2);

      const single = await runInProcess(['evaluate', '--edges', DNC, '--rolling', '0.5', '--json', out]);
      const backwards = await runInProcess(['evaluate', '--edges', DNC, '--rolling', '0.6,0.5', '--json', out]);
      const both = await runInProcess(['evaluate', '--edges', DNC, '--rolling', '0.5,1', '--history-fraction', '0.6', '--json', out]);
      expect([single.code, backwards.code, both.code]).toEqual([2, 2, 2]);
      expect(single.stderr).toMatch(/--rolling needs at least two fractions/);
      expect(backwards.stderr).toMatch(/--rolling fractions must increase, but 0\.5 follows 0\.6/);
      expect(both.stderr).toMatch(/give --rolling .* or --history-fraction .*, not both/);
    });
  });

  it('evaluates panel waves given as one --edges per wave, ranking with the prior when one wave cannot teach the model', async () => {
    await withTempDir(async (dir) => {
      const t1 = join(REPO_ROOT, 'fixtures/real/eies_freeman_acquaintance/acquaintance_t1.tsv');
      const t2 = join(REPO_ROOT, 'fixtures/real/eies_freeman_acquaintance/acquaintance_t2.tsv');
      const out = join(dir, 'eies.json');
      const r = await runInProcess(['evaluate', '--edges', t1, '--edges', t2, '--k', '3', '--json', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(await readFile(out, 'utf8'));
      // Wave 1 is the train graph (34 people, 415 acquainted pairs); 65 pairs first appear in wave 2.
      expect(result).toMatchObject({ k: 3, trainNodes: 34, trainEdges: 415, testPairs: 65, queries: 29 });
      expect(result.linkModel.fit).toMatchObject({ source: 'prior', queries: 0 });
      expect(result.linkModel.fit.reason).toMatch(/one instant/);
      expect(r.stdout).toContain('acquaintance_t1.tsv + ');

      const bad = join(dir, 'bad.tsv');
      await writeFile(bad, 'from\tto\na\tb\n\tc\n');
      const broken = await runInProcess(['evaluate', '--edges', t1, '--edges', bad, '--json', out]);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/bad\.tsv:3/);
    });
  });
});
