import { describe, expect, it } from '@jest/globals';
import { createRng } from '../random/index.js';
import { ANALYSIS_STAGES, ANALYZE_PAGERANK, analyzeNetwork, networkAnalysisJson } from './analyze-network.js';
import { pagerank } from './centrality/pagerank.js';
import { pathCentralities } from './centrality/path-centralities.js';
import { loadReference, loadReferenceGraph } from './centrality/reference-fixtures.testing.js';

const netscience = loadReferenceGraph(loadReference('netscience_coauthorship'));

describe('analyzeNetwork', () => {
  it('iterates PageRank to an L1 change of 1e-10, far inside NetworkX’s default stopping rule', () => {
    const m = analyzeNetwork(netscience);
    const converged = pagerank(netscience, { weighted: false, tol: 0, maxIter: 1000 }).scores;
    const loose = pagerank(netscience, { weighted: false }).scores;
    let tight = 0;
    let nx = 0;
    for (let i = 0; i < netscience.n; i++) {
      tight += Math.abs(m.pagerank[i]! - converged[i]!);
      nx += Math.abs(loose[i]! - converged[i]!);
    }
    // Bound of the stopping rule: L1 error ≤ α/(1 − α) · 1e-10.
    expect(tight).toBeLessThan((0.85 / 0.15) * ANALYZE_PAGERANK.l1Tolerance);
    expect(nx).toBeGreaterThan(1e-4);
    expect(m.warnings).toEqual([]);
  });

  it('computes closeness exactly with exact betweenness and from the same pivots when sampled, and says so', () => {
    const exact = analyzeNetwork(netscience);
    expect(exact.closenessMode).toBe('exact');
    expect(networkAnalysisJson(exact).parameters).toMatchObject({ betweenness: 'exact', closeness: 'exact' });
    const both = pathCentralities(netscience);
    expect(Array.from(exact.closeness)).toEqual(Array.from(both.closeness));

    const sampled = analyzeNetwork(netscience, { betweenness: { sampled: 100 }, seed: 7 });
    expect(networkAnalysisJson(sampled).parameters).toMatchObject({ betweenness: { sampled: 100 }, closeness: { sampled: 100 } });
    const same = pathCentralities(netscience, { pivots: 100, rng: createRng(7) });
    expect(Array.from(sampled.closeness)).toEqual(Array.from(same.closeness));
    expect(Array.from(sampled.betweenness)).toEqual(Array.from(same.betweenness));
    expect(Array.from(sampled.closeness)).not.toEqual(Array.from(exact.closeness));
  });

  it('reports every stage in order and the searches of the betweenness and closeness stage', () => {
    const stages: string[] = [];
    const progress: number[] = [];
    analyzeNetwork(netscience, {
      betweenness: { sampled: 200 },
      onStage: (stage, index, total) => {
        expect(total).toBe(ANALYSIS_STAGES.length);
        expect(ANALYSIS_STAGES[index]).toBe(stage);
        stages.push(stage);
      },
      onProgress: (stage, done, total) => {
        expect(stage).toBe('betweenness and closeness');
        expect(stages.at(-1)).toBe('betweenness and closeness');
        expect(total).toBeGreaterThanOrEqual(200);
        progress.push(done / total);
      },
    });
    expect(stages).toEqual([...ANALYSIS_STAGES]);
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.at(-1)).toBe(1);
  });
});
