/** Opaque cursors for pagination: the last id (or sequence number) of a page, base64url-encoded. */
import { ApiError } from './problems.js';

export const encodeCursor = (last: string): string => Buffer.from(last, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.length === 0 || encodeCursor(text) !== cursor) {
    throw new ApiError('validation', 'the cursor is not one this API returned', { details: [{ pointer: '/query/cursor', detail: 'must be a cursor returned by a previous page' }] });
  }
  return text;
}

/**
 * Scan `fetch` (pages in id order) from `after`, keeping items that pass `keep`, until `limit` are found; the next
 * cursor is set only when another kept item exists.
 */
export async function scanPage<T extends { id: string }>(
  fetch: (after: string | undefined, batch: number) => Promise<T[]>,
  keep: (item: T) => boolean,
  after: string | undefined,
  limit: number,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const items: T[] = [];
  const batch = 500;
  let from = after;
  for (;;) {
    const page = await fetch(from, batch);
    for (const item of page) {
      if (!keep(item)) continue;
      if (items.length === limit) return { items, nextCursor: encodeCursor(items[items.length - 1]!.id) };
      items.push(item);
    }
    if (page.length < batch) return { items, nextCursor: null };
    from = page[page.length - 1]!.id;
  }
}
