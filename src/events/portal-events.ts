import type { ChangedEntity, ChangeKindName } from "./change";

/**
 * The twelve booking.v1 events Bitrix24 sends (upper-case, as they arrive), each carrying only
 * `data[ID]`, and the change each one means.
 */
export const PORTAL_EVENTS: Readonly<
  Record<string, { entity: ChangedEntity; kind: ChangeKindName }>
> = {
  ONBOOKINGADD: { entity: "booking", kind: "ADDED" },
  ONBOOKINGUPDATE: { entity: "booking", kind: "UPDATED" },
  ONBOOKINGDELETE: { entity: "booking", kind: "DELETED" },
  ONBOOKINGRESOURCEADD: { entity: "resource", kind: "ADDED" },
  ONBOOKINGRESOURCEUPDATE: { entity: "resource", kind: "UPDATED" },
  ONBOOKINGRESOURCEDELETE: { entity: "resource", kind: "DELETED" },
  ONBOOKINGRESOURCETYPEADD: { entity: "resourceType", kind: "ADDED" },
  ONBOOKINGRESOURCETYPEUPDATE: { entity: "resourceType", kind: "UPDATED" },
  ONBOOKINGRESOURCETYPEDELETE: { entity: "resourceType", kind: "DELETED" },
  ONBOOKINGWAITLISTITEMADD: { entity: "waitListItem", kind: "ADDED" },
  ONBOOKINGWAITLISTITEMUPDATE: { entity: "waitListItem", kind: "UPDATED" },
  ONBOOKINGWAITLISTITEMDELETE: { entity: "waitListItem", kind: "DELETED" },
};
