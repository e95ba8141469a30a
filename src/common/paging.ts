import { userInputError } from "../errors/user-input-error";
import type { PageWindow } from "../services/paging";
import { MAX_PAGE_LIMIT, type PageInput } from "./page.input";

/** The `page` argument of a list field as a window, or a BAD_USER_INPUT naming the broken part. */
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
