import { bindInt } from "../params";
import { findResource } from "./resource";
import { wholeList, type MethodGroup } from "./method";
import { readSlotRange, SLOT_KEYS } from "./slot-range";
import { readSetItems } from "./set-items";
import { slotView } from "./views";

/**
 * booking.v1.resource.slots.*: when a resource can be booked. A missing resource is 1009 for all
 * three. `set` replaces every range, and the new ranges get new ids (GUESS: the server deletes
 * and re-inserts them); `unset` removes them all.
 *
 * No event: ONBOOKINGRESOURCEUPDATE fires "when a resource is updated manually or via the
 * booking.v1.resource.update method" (resource/events/on-booking-resource-update.md:13), and no
 * event page mentions the slot methods.
 */
export const resourceSlotMethods: MethodGroup = {
  "booking.v1.resource.slots.list": ({ params, store, window }) => {
    const resource = findResource(store, bindInt(params, "resourceId"), "1009");
    return wholeList("slots", resource.slots.map(slotView), window);
  },

  /** Shape and required keys (422/0) come first, then the resource (1009), then the values (422). */
  "booking.v1.resource.slots.set": ({ params, store }) => {
    const resourceId = bindInt(params, "resourceId");
    const items = readSetItems(params, "slots", SLOT_KEYS);
    const resource = findResource(store, resourceId, "1009");
    const ranges = items.map(readSlotRange);
    resource.slots = ranges.map((range) => ({ id: store.nextSlotId(), ...range }));
    return { result: true };
  },

  "booking.v1.resource.slots.unset": ({ params, store }) => {
    findResource(store, bindInt(params, "resourceId"), "1009").slots = [];
    return { result: true };
  },
};
