/** Escaping for the HTML report: text and attribute values, and JSON embedded in a `<script>` element. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * JSON safe inside `<script type="application/json">`: `<`, `>` and `&` become \u escapes (so no `</script>` or `<!--`
 * can end or confuse the element), as do U+2028 and U+2029. JSON.parse of the element's text gives the value back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Thousands separated with commas, independent of the machine's locale: 12345 → "12,345". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac === undefined ? '' : `.${frac}`);
}

/** A measure for people: null as an em dash, integers as counts, others to 3 significant digits (4 decimals at most). */
export function formatMeasure(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (Number.isInteger(v)) return formatCount(v);
  const a = Math.abs(v);
  if (a >= 100) return formatCount(Math.round(v));
  if (a >= 1) return v.toFixed(2);
  if (a >= 0.001) return String(Number(v.toPrecision(3)));
  return v.toExponential(2);
}

/** A share in [0, 1] as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
