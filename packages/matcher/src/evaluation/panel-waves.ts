/**
 * Panel waves as a temporal network: the same people asked about their ties at two or more times (a survey panel,
 * e.g. Freeman's EIES acquaintance waves, or a service asking its members about their networks each quarter). Wave w
 * (1-based, in the order given) becomes events at time w, one per tie row, so the evaluation's time split sees wave 1
 * as the past and the ties that appear later as the new ones. Each wave is read by graph-core's `readEdgeList` (the
 * same rules as `bridgework import`: any delimiter, a header row or not, the endpoints in the first two columns; a
 * time column, if any, is ignored — the wave is the time). Pure: the caller reads the files.
 */
import { BridgeworkError, InputError, idInterner, readEdgeList, type InputProblem } from '@bridgework/graph-core';
import type { TimedEdges } from './timed-edges.js';

/** One wave: its name in messages and its text. */
export interface PanelWave {
  file: string;
  text: string;
}

/**
 * The events of `waves` (at least two): wave w's ties at time w, in file order; nodes numbered by first appearance
 * across the waves. Throws an InputError naming the file and line of every bad row, and a validation error for fewer
 * than two waves or a wave with no ties.
 */
export function panelWavesToTimedEdges(waves: readonly PanelWave[]): TimedEdges {
  if (waves.length < 2) throw new BridgeworkError('validation', `matcher/evaluation: panel waves need at least two waves, not ${waves.length}`);
  const { ids, index, intern } = idInterner();
  const sources: number[] = [];
  const targets: number[] = [];
  const times: number[] = [];
  const lines: number[] = [];
  const problems: InputProblem[] = [];
  waves.forEach((wave, w) => {
    const read = readEdgeList(wave.text, { file: wave.file });
    problems.push(...read.problems);
    if (read.problems.length === 0 && read.edges.length === 0) {
      problems.push({ file: wave.file, line: 1, reason: 'the wave holds no ties' });
    }
    for (const e of read.edges) {
      sources.push(intern(e.source));
      targets.push(intern(e.target));
      times.push(w + 1);
      lines.push(e.line);
    }
  });
  if (problems.length > 0) throw new InputError('matcher/evaluation', problems.slice(0, 50), problems.length);
  return {
    file: waves.map((w) => w.file).join(' + '),
    ids,
    index,
    sources: Uint32Array.from(sources),
    targets: Uint32Array.from(targets),
    times: Float64Array.from(times),
    lines: Uint32Array.from(lines),
    count: sources.length,
    timeColumn: 'wave',
  };
}
