import { phpGet, phpIsset, type PhpArray } from "../php-array";
import { bindArray, bindInt, bindOptionalArray } from "../params";
import { PortalError } from "../portal-error";
import { type WaitListItem } from "../store";
import { isCreatedWithin, readCreatedWithin } from "./created-within";
import { invalidFieldValue, readText } from "./field-values";
import { pagedList, type MethodGroup } from "./method";
import { waitListView } from "./views";
import { findWaitListItem } from "./waitlist-item";

/**
 * booking.v1.waitlist.*: requests waiting for a free slot (clients and links live in their own
 * files, the moves to and from bookings in waitlist-transfer.ts).
 */
export const waitListMethods: MethodGroup = {
  /**
   * The docs mark `note` required with a default of ""; the server's view does not require it and
   * leaves an omitted note null (as in the get example), so that is what happens here.
   */
  "booking.v1.waitlist.add": ({ params, store, now }) => {
    const fields = bindArray(params, "fields");
    const note = readNote(fields);
    const item = store.waitList.insert({
      note: note ?? null,
      clients: [],
      externalData: [],
      createdAt: Math.floor(now),
    });
    // The bare id, not {id}: the docs example is wrong, the source and the SDKs agree.
    return { result: item.id, events: [{ name: "ONBOOKINGWAITLISTITEMADD", id: item.id }] };
  },

  "booking.v1.waitlist.get": ({ params, store }) => {
    const item = findWaitListItem(store, bindInt(params, "id"));
    return { result: { waitList: waitListView(item) } };
  },

  /** Only `filter.createdWithin`; there is no `order`, rows come by id. */
  "booking.v1.waitlist.list": ({ params, store, window }) => {
    const filter = bindOptionalArray(params, "filter") ?? {};
    let rows = [...store.waitList.values()];
    if (phpIsset(filter, "createdWithin")) {
      const createdWithin = readCreatedWithin(phpGet(filter, "createdWithin"));
      rows = rows.filter((item) => isCreatedWithin(item.createdAt, createdWithin));
    }
    rows.sort((a, b) => a.id - b.id);
    return pagedList("waitList", rows.map(waitListView), window);
  },

  "booking.v1.waitlist.update": ({ params, store }) => {
    const id = bindInt(params, "id");
    const fields = bindArray(params, "fields");
    const item = findWaitListItem(store, id);
    const note = readNote(fields);
    if (note !== undefined) item.note = note;
    return { result: true, events: [{ name: "ONBOOKINGWAITLISTITEMUPDATE", id }] };
  },

  /** The one waitlist method with its own not-found code and wording. */
  "booking.v1.waitlist.delete": ({ params, store }) => {
    const id = bindInt(params, "id");
    if (!store.waitList.delete(id)) {
      throw new PortalError("1036", "wait list item not found");
    }
    return { result: true, events: [{ name: "ONBOOKINGWAITLISTITEMDELETE", id }] };
  },
};

/** `note` as text; absent or null leaves it as it is. */
function readNote(fields: PhpArray): WaitListItem["note"] | undefined {
  if (!phpIsset(fields, "note")) return undefined;
  const note = readText(phpGet(fields, "note"));
  if (note === undefined) throw invalidFieldValue("note");
  return note;
}
