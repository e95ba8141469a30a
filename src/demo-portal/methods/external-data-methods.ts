import { phpGet, type PhpArray } from "../php-array";
import { bindInt } from "../params";
import { type ExternalDataItem, type PortalStore } from "../store";
import { invalidFieldValue, readText } from "./field-values";
import { wholeList, type MethodGroup } from "./method";
import { readSetItems } from "./set-items";
import { externalDataView } from "./views";

/** Something that holds links to other modules' records: a booking or a waitlist item. */
export interface ExternalDataOwner {
  /** "booking.v1.booking.externalData" or "booking.v1.waitlist.externalData". */
  prefix: string;
  /** The id argument: bookingId or waitListId. */
  idParam: string;
  /** Throws the owner's own not-found error. */
  find: (store: PortalStore, id: number) => { externalData: ExternalDataItem[] };
}

/**
 * `<prefix>.list/set/unset`; the list key is `externalData` for both owners. Like the client
 * methods, `set` replaces the whole collection and `unset` clears it, and the items' shape and
 * required keys (moduleId, entityTypeId, value) are checked before the owner is looked up.
 *
 * Neither sends an event: the owner's UPDATE event is documented for its `update` method alone
 * (booking/events/on-booking-update.md:13, waitlist/events/on-booking-waitlistitem-update.md:13),
 * and no event page mentions externalData.
 */
export function externalDataMethods(owner: ExternalDataOwner): MethodGroup {
  return {
    [`${owner.prefix}.list`]: ({ params, store, window }) => {
      const { externalData } = owner.find(store, bindInt(params, owner.idParam));
      return wholeList("externalData", externalData.map(externalDataView), window);
    },

    [`${owner.prefix}.set`]: ({ params, store }) => {
      const id = bindInt(params, owner.idParam);
      const items = readSetItems(params, "externalData", ["moduleId", "entityTypeId", "value"]);
      const holder = owner.find(store, id);
      holder.externalData = uniqueItems(items.map(readExternalData));
      return { result: true };
    },

    [`${owner.prefix}.unset`]: ({ params, store }) => {
      owner.find(store, bindInt(params, owner.idParam)).externalData = [];
      return { result: true };
    },
  };
}

/**
 * "Only CRM deals can be linked … Use fixed values moduleId = crm and entityTypeId = DEAL" (docs).
 * GUESS: other values are refused with the module's 422 wording rather than stored or dropped.
 * The value is the deal id as text; it is not checked against the CRM data.
 */
function readExternalData(fields: PhpArray): ExternalDataItem {
  if (phpGet(fields, "moduleId") !== "crm") throw invalidFieldValue("moduleId");
  if (phpGet(fields, "entityTypeId") !== "DEAL") throw invalidFieldValue("entityTypeId");
  const value = readText(phpGet(fields, "value"));
  if (value === undefined) throw invalidFieldValue("value");
  return { moduleId: "crm", entityTypeId: "DEAL", value };
}

/** GUESS: a link is held once; the first occurrence keeps its position. */
function uniqueItems(items: ExternalDataItem[]): ExternalDataItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.moduleId}:${item.entityTypeId}:${item.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
