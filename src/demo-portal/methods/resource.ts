import { bindArray, bindInt, bindOptionalArray, requireFields } from "../params";
import { PortalError } from "../portal-error";
import { type PortalStore, type Resource } from "../store";
import { pagedList, type MethodGroup } from "./method";
import { readResourceFields, REQUIRED_ON_ADD } from "./resource-fields";
import { readResourceFilter, readResourceOrder } from "./resource-list-query";
import { resourceView } from "./views";

/** booking.v1.resource.*: what can be booked (slots live in resource-slots.ts). */
export const resourceMethods: MethodGroup = {
  /**
   * Order: binding (100), required name (0), the type when given (1013) and the values (422),
   * then a missing type (1006, from the add command). A new resource starts from its type's
   * notification settings ("applied by default when creating a resource of the specified type").
   */
  "booking.v1.resource.add": ({ params, store }) => {
    const fields = bindArray(params, "fields");
    requireFields(fields, REQUIRED_ON_ADD);
    const read = readResourceFields(fields, store);
    const type = read.typeId === undefined ? undefined : store.resourceTypes.get(read.typeId);
    if (type === undefined) throw new PortalError("1006", "ResourceType not found");
    const resource = store.resources.insert({
      typeId: type.id,
      name: read.name ?? "",
      description: read.description ?? null,
      isMain: read.isMain ?? true,
      notifications: { ...type.notifications, ...read.notifications },
      slots: [],
    });
    // The bare id, not {id}: the docs example is wrong, the source and the SDKs agree.
    return { result: resource.id, events: [{ name: "ONBOOKINGRESOURCEADD", id: resource.id }] };
  },

  "booking.v1.resource.get": ({ params, store }) => {
    const resource = findResource(store, bindInt(params, "id"), "1009");
    return { result: { resource: resourceView(resource) } };
  },

  "booking.v1.resource.list": ({ params, store, window }) => {
    const filter = bindOptionalArray(params, "filter") ?? {};
    const order = bindOptionalArray(params, "order") ?? {};
    const matches = readResourceFilter(filter);
    const compare = readResourceOrder(order);
    const rows = [...store.resources.values()].filter(matches).sort(compare);
    return pagedList("resource", rows.map(resourceView), window);
  },

  /** The fields are validated before the resource is looked up; a missing one is 1007 here. */
  "booking.v1.resource.update": ({ params, store }) => {
    const id = bindInt(params, "id");
    const fields = bindArray(params, "fields");
    const { notifications, ...changes } = readResourceFields(fields, store);
    const resource = findResource(store, id, "1007");
    Object.assign(resource, changes);
    resource.notifications = { ...resource.notifications, ...notifications };
    return { result: true, events: [{ name: "ONBOOKINGRESOURCEUPDATE", id }] };
  },

  /**
   * The server refuses to delete a resource that has bookings ending after now. Past bookings
   * keep pointing at the (soft-deleted) resource there; GUESS: here the id is removed from their
   * resourceIds instead, so every id a booking lists can still be read with resource.get.
   */
  "booking.v1.resource.delete": ({ params, store, now }) => {
    const id = bindInt(params, "id");
    const resource = store.resources.get(id);
    if (resource === undefined) throw new PortalError("1008", "Resource has not been found");
    const bookings = [...store.bookings.values()].filter((booking) =>
      booking.resourceIds.includes(id),
    );
    if (bookings.some((booking) => booking.period.to.timestamp > now)) {
      throw new PortalError(
        "1008",
        "The resource can not be deleted. There are future bookings with that resource.",
      );
    }
    // The server leaves these bookings alone, so this stand-in for its soft delete sends no
    // ONBOOKINGUPDATE for them.
    for (const booking of bookings) {
      booking.resourceIds = booking.resourceIds.filter((resourceId) => resourceId !== id);
    }
    store.resources.delete(id);
    return { result: true, events: [{ name: "ONBOOKINGRESOURCEDELETE", id }] };
  },
};

/** get and the slot methods answer 1009, update 1007, all with this message. */
export function findResource(store: PortalStore, id: number, notFoundCode: string): Resource {
  const resource = store.resources.get(id);
  if (resource === undefined) throw new PortalError(notFoundCode, "Resource not found");
  return resource;
}
