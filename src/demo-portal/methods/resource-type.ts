import { phpGet, phpIsset, type PhpArray } from "../php-array";
import { bindArray, bindInt, bindOptionalArray, requireFields } from "../params";
import { PortalError } from "../portal-error";
import { type PortalStore, type ResourceType } from "../store";
import { readListOrder, type OrderKey } from "./list-order";
import { pagedList, type MethodGroup } from "./method";
import { DEFAULT_NOTIFICATIONS } from "./notification-settings";
import { readResourceTypeFields, REQUIRED_ON_ADD } from "./resource-type-fields";
import { containsText, exactText } from "./text-filters";
import { resourceTypeView } from "./views";

/** Every type created over REST belongs to the booking module; codes are unique within it. */
const MODULE_ID = "booking";

/** booking.v1.resourceType.*: the groups resources belong to, with default notification settings. */
export const resourceTypeMethods: MethodGroup = {
  "booking.v1.resourceType.add": ({ params, store }) => {
    const fields = bindArray(params, "fields");
    requireFields(fields, REQUIRED_ON_ADD);
    const { name = "", code = "", notifications } = readResourceTypeFields(fields);
    if (codeTaken(store, code)) {
      throw new PortalError("1010", "Resource type with code already exists");
    }
    const type = store.resourceTypes.insert({
      moduleId: MODULE_ID,
      name,
      code,
      notifications: { ...DEFAULT_NOTIFICATIONS, ...notifications },
    });
    // The bare id, not {id}: the docs example is wrong, the source and the SDKs agree.
    return { result: type.id, events: [{ name: "ONBOOKINGRESOURCETYPEADD", id: type.id }] };
  },

  "booking.v1.resourceType.get": ({ params, store }) => {
    const type = findResourceType(store, bindInt(params, "id"), "1013");
    return { result: { resourceType: resourceTypeView(type) } };
  },

  /** The list key is `resourceType` (the Page id); the docs example's `resource` is wrong. */
  "booking.v1.resourceType.list": ({ params, store, window }) => {
    const filter = bindOptionalArray(params, "filter") ?? {};
    const order = bindOptionalArray(params, "order") ?? {};
    const matches = readResourceTypeFilter(filter);
    const compare = readListOrder(order, ORDER_KEYS);
    const rows = [...store.resourceTypes.values()].filter(matches).sort(compare);
    return pagedList("resourceType", rows.map(resourceTypeView), window);
  },

  /**
   * The server checks the code before it looks the type up, and against every type, the one
   * being updated included: sending a type's own code back is refused with 1011 too. A missing
   * type is 1007, the update code, with the message get uses.
   */
  "booking.v1.resourceType.update": ({ params, store }) => {
    const id = bindInt(params, "id");
    const fields = bindArray(params, "fields");
    const { name, code, notifications } = readResourceTypeFields(fields);
    if (code !== undefined && codeTaken(store, code)) {
      throw new PortalError("1011", "Resource type with code already exists");
    }
    const type = findResourceType(store, id, "1007");
    if (name !== undefined) type.name = name;
    if (code !== undefined) type.code = code;
    type.notifications = { ...type.notifications, ...notifications };
    return { result: true, events: [{ name: "ONBOOKINGRESOURCETYPEUPDATE", id }] };
  },

  /**
   * A type that resources still use is refused with the server's own message (its double space
   * included). Deleting a type never touches resources or bookings.
   */
  "booking.v1.resourceType.delete": ({ params, store }) => {
    const id = bindInt(params, "id");
    if ([...store.resources.values()].some((resource) => resource.typeId === id)) {
      throw new PortalError("1012", "The type can not be deleted. There are resources of  type");
    }
    if (!store.resourceTypes.delete(id)) {
      throw new PortalError("1012", "Resource type has not been found");
    }
    return { result: true, events: [{ name: "ONBOOKINGRESOURCETYPEDELETE", id }] };
  },
};

/** get answers 1013 and update 1007, both with this message. */
export function findResourceType(
  store: PortalStore,
  id: number,
  notFoundCode: string,
): ResourceType {
  const type = store.resourceTypes.get(id);
  if (type === undefined) throw new PortalError(notFoundCode, "Resource type not found");
  return type;
}

function codeTaken(store: PortalStore, code: string): boolean {
  return [...store.resourceTypes.values()].some(
    (type) => type.moduleId === MODULE_ID && type.code === code,
  );
}

const ORDER_KEYS: Readonly<Record<string, OrderKey<ResourceType>>> = {
  id: (type) => type.id,
  name: (type) => type.name,
  code: (type) => type.code,
};

/**
 * Filter keys: searchQuery (substring of the name), name (exact), code, moduleId. Unknown keys are
 * dropped like the server's whitelist does.
 */
function readResourceTypeFilter(filter: PhpArray): (type: ResourceType) => boolean {
  const tests: Array<(type: ResourceType) => boolean> = [];
  if (phpIsset(filter, "searchQuery")) {
    const test = containsText(phpGet(filter, "searchQuery"));
    tests.push((type) => test(type.name));
  }
  for (const key of ["name", "code", "moduleId"] as const) {
    if (!phpIsset(filter, key)) continue;
    const test = exactText(phpGet(filter, key));
    tests.push((type) => test(type[key]));
  }
  return (type) => tests.every((test) => test(type));
}
