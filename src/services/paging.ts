import { PAGE_SIZE } from "../transport/protocol";

/** Which rows of a list to read: `limit` rows from `offset`. */
export interface PageWindow {
  limit: number;
  offset: number;
}

export interface Page<T> {
  items: T[];
  pageInfo: PageWindow & { hasMore: boolean };
}

/**
 * Reads `window` out of a Bitrix24 list, which answers only in fixed pages of 50 addressed by `start`
 * and never says how many rows exist. It asks for every upstream page the window touches, plus the one
 * holding the row just after it, so that `hasMore` is exact; all pages are requested at once, so the
 * transport can fold them into one upstream request.
 */
export async function readPage<T>(
  window: PageWindow,
  fetchPage: (pageIndex: number) => Promise<T[]>,
): Promise<Page<T>> {
  const first = Math.floor(window.offset / PAGE_SIZE);
  const last = Math.floor((window.offset + window.limit) / PAGE_SIZE);
  const indexes = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const pages = await Promise.all(indexes.map((index) => fetchPage(index)));
  const rows = pages.flat();
  const start = window.offset - first * PAGE_SIZE;
  return {
    items: rows.slice(start, start + window.limit),
    pageInfo: { ...window, hasMore: rows.length > start + window.limit },
  };
}
