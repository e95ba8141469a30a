import { toInteger } from "./params";

/** The server's fixed list page size (RestManager::LIST_LIMIT). */
export const LIST_PAGE_SIZE = 50;

/** `start=-1` asks the server not to count: the response then carries no `total`. */
const DONT_CALCULATE_COUNT = -1;

export interface ListWindow {
  offset: number;
  includeTotal: boolean;
}

/**
 * `start` selects a page, not a row: page = floor(start / 50), so start=30 returns the first
 * page. Anything that is not a number counts as 0, as PHP's intval would.
 */
export function listWindowFromStart(start: unknown): ListWindow {
  const requested = toInteger(start) ?? leadingInteger(start);
  if (requested === DONT_CALCULATE_COUNT) return { offset: 0, includeTotal: false };
  const page = Math.floor(Math.max(requested, 0) / LIST_PAGE_SIZE);
  return { offset: page * LIST_PAGE_SIZE, includeTotal: true };
}

function leadingInteger(value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return Math.trunc(value);
  const parsed = typeof value === "string" ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}
