/**
 * Histograms for the HTML report as inline SVG drawn here, on the server: no script needed, and they print sharply.
 * Every bar carries `data-lo`, `data-hi` and `data-count`, and a `<title>` that browsers show as a tooltip.
 */
import { escapeHtml, formatCount } from './html-escape.js';

export interface HistogramBin {
  /** Lower edge (integers: first value in the bin). */
  lo: number;
  /** Upper edge (integers: last value in the bin, inclusive; intervals: exclusive, except the last bin). */
  hi: number;
  count: number;
  /** How the bin reads on the axis and in its tooltip. */
  label: string;
}

/**
 * Bins for non-negative integers (degrees): one per value 0 … max when max < `maxBins`, else about 30 bins of equal
 * integer width. A long tail (max more than 1.5 × the 99th percentile) goes into one last bin "≥ x", so that a few hubs
 * do not squash the rest. Every value lands in exactly one bin.
 */
export function integerBins(values: readonly number[], maxBins = 40): HistogramBin[] {
  const sorted = values.map((v) => Math.max(0, Math.floor(v))).sort((a, b) => a - b);
  const max = sorted.length > 0 ? sorted[sorted.length - 1]! : 0;
  const p99 = sorted.length > 0 ? sorted[Math.floor(0.99 * (sorted.length - 1))]! : 0;
  const tail = max + 1 > maxBins && max > 1.5 * p99;
  const top = tail ? Math.max(p99, maxBins - 1) : max;
  const width = top + 1 <= maxBins ? 1 : Math.ceil((top + 1) / 30);
  const count = Math.floor(top / width) + 1;
  const bins: HistogramBin[] = [];
  for (let i = 0; i < count; i++) {
    const lo = i * width;
    const hi = lo + width - 1;
    bins.push({ lo, hi, count: 0, label: width === 1 ? String(lo) : `${lo}–${hi}` });
  }
  const overflowFrom = count * width;
  if (max >= overflowFrom) bins.push({ lo: overflowFrom, hi: max, count: 0, label: `≥ ${overflowFrom}` });
  for (const v of sorted) bins[Math.min(bins.length - 1, Math.floor(v / width))]!.count++;
  return bins;
}

/**
 * Bins of a fixed `width` over [0, upper), upper the larger of `minUpper` and the maximum rounded up to a bin edge; the
 * last bin includes its upper edge. For measures in [0, 1] such as Burt's constraint.
 */
export function intervalBins(values: readonly number[], width = 0.05, minUpper = 1): HistogramBin[] {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const count = Math.max(1, Math.ceil(Math.max(minUpper, max) / width - 1e-9));
  const digits = Math.max(0, -Math.floor(Math.log10(width) + 1e-9));
  const bins: HistogramBin[] = [];
  for (let i = 0; i < count; i++) {
    const lo = Number((i * width).toFixed(digits + 1));
    const hi = Number(((i + 1) * width).toFixed(digits + 1));
    bins.push({ lo, hi, count: 0, label: `${lo.toFixed(digits)}–${hi.toFixed(digits)}` });
  }
  for (const v of values) bins[Math.max(0, Math.min(count - 1, Math.floor(v / width + 1e-9)))]!.count++;
  return bins;
}

/** Round, readable tick steps (1, 2 or 5 × 10^k) for a count axis from 0 to max. */
function countTicks(max: number, target = 5): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((s) => s * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let t = 0; t <= max + step - 1e-9; t += step) ticks.push(Math.round(t));
  return ticks;
}

export interface HistogramOptions {
  /** Element id prefix (for aria references). */
  id: string;
  title: string;
  /** A sentence for screen readers and the figure caption. */
  description: string;
  xLabel: string;
  yLabel?: string;
  /** Which bin edges get an axis label: every `labelEvery`-th bin; default chosen to fit. */
  labelEvery?: number;
  /** Label the axis with bin edges (interval bins) instead of bin names (integer bins). */
  edgeLabels?: boolean;
}

const W = 560;
const H = 270;
const M = { top: 16, right: 14, bottom: 50, left: 62 };

/** An inline SVG histogram of `bins` (role img, titled and described), sized by its viewBox. */
export function renderHistogram(bins: readonly HistogramBin[], o: HistogramOptions): string {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const maxCount = Math.max(0, ...bins.map((b) => b.count));
  const ticks = countTicks(maxCount);
  const top = ticks[ticks.length - 1]!;
  const bw = plotW / Math.max(1, bins.length);
  const gap = bw > 6 ? 1.5 : 0.5;
  const y = (c: number) => M.top + plotH - (c / top) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg class="histogram" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" id="${o.id}">`,
    `<title id="${o.id}-title">${escapeHtml(o.title)}</title>`,
    `<desc id="${o.id}-desc">${escapeHtml(o.description)}</desc>`,
  );
  // Grid lines and count axis.
  for (const t of ticks) {
    const ty = y(t).toFixed(1);
    parts.push(
      `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${ty}" y2="${ty}"/>`,
      `<text class="tick" x="${M.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${formatCount(t)}</text>`,
    );
  }
  // Bars.
  const labelEvery = o.labelEvery ?? Math.max(1, Math.ceil(bins.length / (o.edgeLabels ? 10 : 14)));
  bins.forEach((b, i) => {
    const x = M.left + i * bw;
    const by = y(b.count);
    const h = M.top + plotH - by;
    parts.push(
      `<rect class="bar" x="${(x + gap / 2).toFixed(1)}" y="${by.toFixed(1)}" width="${Math.max(0.5, bw - gap).toFixed(1)}" height="${h.toFixed(1)}" ` +
        `data-lo="${b.lo}" data-hi="${b.hi}" data-count="${b.count}"><title>${escapeHtml(`${o.xLabel} ${b.label}: ${formatCount(b.count)}`)}</title></rect>`,
    );
    if (b.count > 0 && formatCount(b.count).length * 6 <= bw + 2) {
      parts.push(`<text class="count" x="${(x + bw / 2).toFixed(1)}" y="${(by - 4).toFixed(1)}" text-anchor="middle">${formatCount(b.count)}</text>`);
    }
    const overflow = i === bins.length - 1 && b.label.startsWith('≥');
    const beforeOverflow = i === bins.length - 2 && bins[bins.length - 1]!.label.startsWith('≥') && labelEvery > 1;
    if (!o.edgeLabels && (overflow || (i % labelEvery === 0 && !beforeOverflow))) {
      parts.push(`<text class="tick" x="${(x + bw / 2).toFixed(1)}" y="${M.top + plotH + 16}" text-anchor="middle">${escapeHtml(b.label)}</text>`);
    }
  });
  if (o.edgeLabels) {
    for (let i = 0; i <= bins.length; i += labelEvery) {
      const edge = i < bins.length ? bins[i]!.lo : bins[bins.length - 1]!.hi;
      parts.push(`<text class="tick" x="${(M.left + i * bw).toFixed(1)}" y="${M.top + plotH + 16}" text-anchor="middle">${escapeHtml(String(edge))}</text>`);
    }
  }
  // Axes and their labels.
  parts.push(
    `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${M.top + plotH}" y2="${M.top + plotH}"/>`,
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + plotH}"/>`,
    `<text class="axis-label" x="${M.left + plotW / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(o.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(13 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(o.yLabel ?? 'Nodes')}</text>`,
    '</svg>',
  );
  return parts.join('');
}
