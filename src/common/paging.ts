import { PAGE_SIZE } from "../transport/protocol";
import { userInputError } from "../errors/user-input-error";
import type { PageInfo } from "./page-info.type";
import { MAX_PAGE_LIMIT, type PageInput } from "./page.input";

export interface PageWindow {
  limit: number;
  offset: number;
}

export function validatePage(field: string, page: PageInput | null): PageWindow {
  const window = { limit: page?.limit ?? 50, offset: page?.offset ?? 0 };
  if (!Number.isInteger(window.limit) || window.limit < 1 || window.limit > MAX_PAGE_LIMIT) {
    throw userInputError(`${field}.limit`, `must be between 1 and ${MAX_PAGE_LIMIT}`, window.limit);
  }
  if (!Number.isInteger(window.offset) || window.offset < 0) {
    throw userInputError(`${field}.offset`, "must be 0 or more", window.offset);
  }
  return window;
}

/**
 * Reads `window` out of a Bitrix24 list, which answers only in fixed pages of 50 addressed by `start`
 * and never says how many rows exist. It asks for every upstream page the window touches, plus the one
 * holding the row just after it, so that `hasMore` is exact; all pages are requested at once, so the
 * batching layer can fold them into one upstream request.
 */
export async function readPage<T>(
  window: PageWindow,
  fetchPage: (pageIndex: number) => Promise<T[]>,
): Promise<{ items: T[]; pageInfo: PageInfo }> {
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
