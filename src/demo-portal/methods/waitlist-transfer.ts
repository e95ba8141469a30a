import { isPhpArray, phpGet, phpValues } from "../php-array";
import { bindArray, bindInt, requireFields, toInteger } from "../params";
import { PortalError } from "../portal-error";
import { type PortalStore } from "../store";
import { readDatePeriod } from "./date-period";
import { type MethodGroup } from "./method";

/**
 * Moving a request between the waitlist and the calendar. Either way the new record takes over
 * the clients, the external data and the note, and the old record is deleted: two events, the
 * new record's ADD, then the old one's DELETE (the ADD pages name both methods as triggers).
 */
export const waitListTransferMethods: MethodGroup = {
  /**
   * `fields` is required although the docs call it optional (the action declares `array
   * $fields`), and only resourceIds and datePeriod are read from it: the server's whitelist for
   * this method drops name and description. Check order, from the source: binding (100),
   * required keys (0), the resource id list (422), the date period (422), then inside the command
   * the waitlist item, unknown resources and an empty list, all 1038.
   */
  "booking.v1.booking.createfromwaitlist": ({ params, store, now }) => {
    const waitListId = bindInt(params, "waitListId");
    const fields = bindArray(params, "fields");
    requireFields(fields, ["resourceIds", "datePeriod"]);
    const requestedIds = readResourceIdList(phpGet(fields, "resourceIds"));
    const period = readDatePeriod(phpGet(fields, "datePeriod"));
    const item = store.waitList.get(waitListId);
    if (item === undefined) throw new PortalError("1038", "wait list item not found");
    const resourceIds = [...new Set(requestedIds)];
    checkResourcesExist(store, resourceIds);
    const booking = store.bookings.insert({
      name: "",
      description: null,
      resourceIds,
      period,
      clients: [...item.clients],
      externalData: [...item.externalData],
      note: item.note,
      createdAt: Math.floor(now),
    });
    store.waitList.delete(item.id);
    return {
      result: booking.id,
      events: [
        { name: "ONBOOKINGADD", id: booking.id },
        { name: "ONBOOKINGWAITLISTITEMDELETE", id: item.id },
      ],
    };
  },

  /** A missing booking is 1037 with the command's lower-case wording. */
  "booking.v1.waitlist.createfrombooking": ({ params, store, now }) => {
    const bookingId = bindInt(params, "bookingId");
    const booking = store.bookings.get(bookingId);
    if (booking === undefined) throw new PortalError("1037", "booking not found");
    const item = store.waitList.insert({
      note: booking.note,
      clients: [...booking.clients],
      externalData: [...booking.externalData],
      createdAt: Math.floor(now),
    });
    store.bookings.delete(booking.id);
    return {
      result: item.id,
      events: [
        { name: "ONBOOKINGWAITLISTITEMADD", id: item.id },
        { name: "ONBOOKINGDELETE", id: booking.id },
      ],
    };
  },
};

/** The booking factory's own check: a list, of ids that read as positive integers. */
function readResourceIdList(value: unknown): number[] {
  if (!isPhpArray(value)) {
    throw new PortalError("422", "Parameter resourceIds must be array");
  }
  return phpValues(value).map((item) => {
    const id = toInteger(item);
    if (id === undefined || id <= 0) {
      throw new PortalError("422", "Parameter resourceIds must be array of integers");
    }
    return id;
  });
}

function checkResourcesExist(store: PortalStore, ids: readonly number[]): void {
  const missing = ids.filter((id) => !store.resources.has(id));
  if (missing.length > 0) {
    throw new PortalError("1038", `Some resources were not found: ${missing.join(", ")}`);
  }
  if (ids.length === 0) throw new PortalError("1038", "Empty resource collection");
}
