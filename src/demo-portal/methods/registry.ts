import { bookingMethods } from "./booking";
import { bookingClientMethods } from "./booking-client";
import { bookingExternalDataMethods } from "./booking-external-data";
import { clientTypeMethods } from "./client-type";
import { eventMethods } from "./event";
import { eventOfflineMethods } from "./event-offline";
import { featureMethods } from "./feature";
import { type MethodGroup, type MethodHandler } from "./method";
import { profileMethods } from "./profile";
import { resourceMethods } from "./resource";
import { resourceSlotMethods } from "./resource-slots";
import { resourceTypeMethods } from "./resource-type";
import { waitListMethods } from "./waitlist";
import { waitListClientMethods } from "./waitlist-client";
import { waitListExternalDataMethods } from "./waitlist-external-data";
import { waitListTransferMethods } from "./waitlist-transfer";

/**
 * Every method group the portal serves: booking.v1, the event.* methods applications bind
 * handlers with, the event.offline.* methods they drain their offline queue with, `feature.get`,
 * and `profile`, which clients check a token with. A new area is one more file and one more entry.
 */
const METHOD_GROUPS: readonly MethodGroup[] = [
  resourceTypeMethods,
  resourceMethods,
  resourceSlotMethods,
  bookingMethods,
  bookingClientMethods,
  bookingExternalDataMethods,
  clientTypeMethods,
  waitListMethods,
  waitListClientMethods,
  waitListExternalDataMethods,
  waitListTransferMethods,
  eventMethods,
  eventOfflineMethods,
  featureMethods,
  profileMethods,
];

export type MethodRegistry = ReadonlyMap<string, MethodHandler>;

/** Keys are lower-cased: the server lower-cases the requested method before looking it up. */
export function createMethodRegistry(
  groups: readonly MethodGroup[] = METHOD_GROUPS,
): MethodRegistry {
  const registry = new Map<string, MethodHandler>();
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      const key = name.toLowerCase();
      if (registry.has(key)) throw new Error(`Method ${name} is registered twice`);
      registry.set(key, handler);
    }
  }
  return registry;
}
