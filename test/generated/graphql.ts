/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends " $fragmentName" | "__typename" ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from "@graphql-typed-document-node/core";
/** A new booking (booking.v1.booking.add `fields`). */
export type AddBookingInput = {
  /** When the booking starts and ends. */
  datePeriod: DatePeriodInput;
  /** Booking description. */
  description?: string | null | undefined;
  /** Booking name. Default "". */
  name?: string | null | undefined;
  /** Ids of the resources to book; at least one. */
  resourceIds: Array<number>;
};

/** A new resource (booking.v1.resource.add `fields`). */
export type AddResourceInput = {
  /** Description. */
  description?: string | null | undefined;
  /** Whether it gets its own schedule column. Default true. */
  isMain?: boolean | null | undefined;
  /** Display name; not empty. */
  name: string;
  /** Notification settings; what is left out is taken from the resource type. */
  notifications?: ResourceNotificationsInput | null | undefined;
  /** Id of the resource type it belongs to. */
  typeId: number;
};

/** A new resource type (booking.v1.resourceType.add `fields`). */
export type AddResourceTypeInput = {
  /** Code; not empty, and not used by another resource type of the portal. */
  code: string;
  /** Display name; not empty. */
  name: string;
  /** Notification settings; what is left out takes Bitrix24's defaults. */
  notifications?: ResourceTypeNotificationsInput | null | undefined;
};

/** A new waitlist item (booking.v1.waitlist.add `fields`). */
export type AddWaitListItemInput = {
  /** The manager's note; null or left out: none. */
  note?: string | null | undefined;
};

/** A CRM contact or company to attach to a booking or waitlist item. */
export type BookingClientInput = {
  /** Id of the CRM contact or company, a positive integer. */
  id: number;
  /** Which kind of CRM entity `id` refers to. */
  type: ClientTypeInput;
};

/** Which bookings to list; all given conditions must hold. */
export type BookingFilterInput = {
  /** Only bookings that have any of these clients (Bitrix24 `filter.client.entities`). */
  clients?: Array<BookingClientInput> | null | undefined;
  /** Only bookings of any of these resources (Bitrix24 `filter.resourceId`). */
  resourceIds?: Array<number> | null | undefined;
  /** Only bookings that overlap this window (Bitrix24 `filter.within`). */
  within?: TimeRangeInput | null | undefined;
};

/** Sort order of a booking list. Default: by id, ascending. */
export type BookingOrderInput = {
  direction?: SortDirection;
  field?: BookingSortField;
};

/** What a booking list can be sorted by. */
export type BookingSortField =
  /** Start of the booking. */
  | "DATE_FROM"
  /** End of the booking. */
  | "DATE_TO"
  /** Booking id. */
  | "ID";

/** What happened to a record. */
export type ChangeKind =
  /** It was created (or moved in: a booking made from a waitlist item). */
  | "ADDED"
  /** It was deleted (or moved out: a booking moved to the waitlist). */
  | "DELETED"
  /** It was changed. */
  | "UPDATED";

/** Bitrix24 module that owns a client entity (booking.v1.clienttype.list `module`; `crm` on the wire). */
export type ClientModule =
  /** The CRM module: contacts and companies. */
  "CRM";

/** Kind of CRM entity a booking client is (booking.v1.clienttype.list `code`). */
export type ClientTypeCode =
  /** A CRM company. */
  | "COMPANY"
  /** A CRM contact (a person). */
  | "CONTACT";

/** Type of a booking client, e.g. `{code: CONTACT}` (module defaults to CRM). */
export type ClientTypeInput = {
  /** Kind of entity within the module. */
  code: ClientTypeCode;
  /** Module that owns the client entity. Default CRM, the only module today. */
  module?: ClientModule;
};

/** The messages that ask the client to confirm a booking. */
export type ConfirmationNotificationInput = {
  /** Seconds before the booking that the calendar flags it as unconfirmed, 0 or more. */
  counterDelaySeconds?: number | null | undefined;
  /** Seconds before the booking that the first message is sent, 0 or more. */
  delaySeconds?: number | null | undefined;
  /** Whether they are sent. */
  enabled?: boolean | null | undefined;
  /** How many more messages follow the first, 0 or more. */
  repetitions?: number | null | undefined;
  /** Seconds between those messages, 0 or more. */
  repetitionsIntervalSeconds?: number | null | undefined;
  /** Their template. */
  templateType?: NotificationTemplateType | null | undefined;
};

/** Where and when to book a waitlist item (booking.v1.booking.createfromwaitlist `fields`). The booking takes the item's clients, links and note; Bitrix24 takes no name or description here. */
export type CreateBookingFromWaitListInput = {
  /** When the booking starts and ends. */
  datePeriod: DatePeriodInput;
  /** Ids of the resources to book; at least one. */
  resourceIds: Array<number>;
};

/** One end of a time period, as Bitrix24 takes it. */
export type DateBoundaryInput = {
  /** Unix time in seconds. */
  timestamp: number;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timezone: string;
};

/** Start and end of a booking; `from` must be before `to`. */
export type DatePeriodInput = {
  /** When the booking starts. */
  from: DateBoundaryInput;
  /** When the booking ends. */
  to: DateBoundaryInput;
};

/** Calendar days as "YYYY-MM-DD": `from` counts from its start, `to` stops at its start (so `to` itself is left out). */
export type DayRangeInput = {
  /** First day, e.g. "2026-03-01". */
  from: string;
  /** Day after the last one, e.g. "2026-04-01"; after `from`. */
  to: string;
};

/** The message to a client who is late for a booking. */
export type DelayedNotificationInput = {
  /** Seconds after the booking's start that the calendar flags the client as late. */
  counterDelaySeconds?: number | null | undefined;
  /** Seconds after the booking's start that it is sent, 0 or more. */
  delaySeconds?: number | null | undefined;
  /** Whether it is sent. */
  enabled?: boolean | null | undefined;
  /** Its template. */
  templateType?: NotificationTemplateType | null | undefined;
};

/** Kind of record a link points at (external data `entityTypeId`). Only CRM deals are supported today. */
export type ExternalDataEntityType =
  /** A CRM deal; the link's `value` is the deal id. */
  "DEAL";

/** A link to a CRM deal, e.g. `{value: "12"}` (module CRM and type DEAL are defaults). */
export type ExternalDataInput = {
  /** Kind of record. Default DEAL, the only kind today. */
  entityType?: ExternalDataEntityType;
  /** Module that owns the record. Default CRM, the only module today. */
  module?: ExternalDataModule;
  /** Id of the record: for a deal, its id as digits, e.g. "12". */
  value: string;
};

/** Bitrix24 module that owns a linked record (external data `moduleId`; `crm` on the wire). Only CRM is supported today. */
export type ExternalDataModule =
  /** The CRM module. */
  "CRM";

/** The message that asks the client for feedback after a booking. */
export type FeedbackNotificationInput = {
  /** Whether it is sent. */
  enabled?: boolean | null | undefined;
  /** Its template. */
  templateType?: NotificationTemplateType | null | undefined;
};

/** The message that tells the client about a new booking. */
export type InfoNotificationInput = {
  /** Seconds after the booking is made that it is sent, 0 or more. */
  delaySeconds?: number | null | undefined;
  /** Whether it is sent. */
  enabled?: boolean | null | undefined;
  /** Its template. */
  templateType?: NotificationTemplateType | null | undefined;
};

/** Wording of a notification message template (Bitrix24 `templateType*`: `animate`, `inanimate`). */
export type NotificationTemplateType =
  /** For booking people, e.g. specialists. */
  | "ANIMATE"
  /** For booking things, e.g. equipment and rooms. */
  | "INANIMATE";

/** A window of a list: skip `offset` items, then take up to `limit`. */
export type PageInput = {
  /** How many items to return, 1 to 200. Default 50. */
  limit?: number;
  /** How many items to skip. Default 0. */
  offset?: number;
};

/** The message that reminds the client of a booking. */
export type ReminderNotificationInput = {
  /** Seconds before the booking that it is sent, 0 or more, or -1 for the morning of the booking day. */
  delaySeconds?: number | null | undefined;
  /** Whether it is sent. */
  enabled?: boolean | null | undefined;
  /** Its template. */
  templateType?: ReminderTemplateType | null | undefined;
};

/** Template of the reminder message (Bitrix24 `templateTypeReminder`: `base`). */
export type ReminderTemplateType =
  /** The one reminder template Bitrix24 offers. */
  "BASE";

/** Which resources to list; all given conditions must hold. */
export type ResourceFilterInput = {
  /** Only resources with exactly this description. */
  description?: string | null | undefined;
  /** Only resources with (true) or without (false) their own schedule column. */
  isMain?: boolean | null | undefined;
  /** Only resources with exactly this name. */
  name?: string | null | undefined;
  /** Only resources whose name contains this text, any case (Bitrix24 `searchQuery`). */
  searchQuery?: string | null | undefined;
  /** Only resources of any of these types (Bitrix24 `typeId`). */
  typeIds?: Array<number> | null | undefined;
};

/** Notification settings of a resource; kinds and fields left out keep their value (on add: the type's). */
export type ResourceNotificationsInput = {
  /** Asking the client to confirm. */
  confirmation?: ConfirmationNotificationInput | null | undefined;
  /** Telling a late client. */
  delayed?: DelayedNotificationInput | null | undefined;
  /** Asking for feedback afterwards. */
  feedback?: FeedbackNotificationInput | null | undefined;
  /** Telling the client about the new booking. */
  info?: InfoNotificationInput | null | undefined;
  /** Reminding the client. */
  reminder?: ReminderNotificationInput | null | undefined;
};

/** Sort order of a resource list. Default: by id, ascending. */
export type ResourceOrderInput = {
  direction?: SortDirection;
  field?: ResourceSortField;
};

/** What a resource list can be sorted by. */
export type ResourceSortField =
  /** Resource id. */
  | "ID"
  /** Name, any case. */
  | "NAME";

/** Which resource types to list; all given conditions must hold. */
export type ResourceTypeFilterInput = {
  /** Only the type with exactly this code. */
  code?: string | null | undefined;
  /** Only types of this module; types made over REST belong to "booking". */
  moduleId?: string | null | undefined;
  /** Only types with exactly this name. */
  name?: string | null | undefined;
  /** Only types whose name contains this text, any case (Bitrix24 `searchQuery`). */
  searchQuery?: string | null | undefined;
};

/** Notification settings of a resource type; kinds and fields left out keep their value. */
export type ResourceTypeNotificationsInput = {
  /** Asking the client to confirm. */
  confirmation?: ConfirmationNotificationInput | null | undefined;
  /** Telling a late client. */
  delayed?: DelayedNotificationInput | null | undefined;
  /** Asking for feedback afterwards. */
  feedback?: FeedbackNotificationInput | null | undefined;
  /** Reminding the client. */
  reminder?: ReminderNotificationInput | null | undefined;
};

/** Sort order of a resource type list. Default: by id, ascending. */
export type ResourceTypeOrderInput = {
  direction?: SortDirection;
  field?: ResourceTypeSortField;
};

/** What a resource type list can be sorted by. */
export type ResourceTypeSortField =
  /** Code, any case. */
  | "CODE"
  /** Resource type id. */
  | "ID"
  /** Name, any case. */
  | "NAME";

/** A time range in which a resource can be booked. */
export type SlotInput = {
  /** Start, in minutes after midnight: 0 to 1439, e.g. 540 for 09:00. */
  from: number;
  /** Length of one bookable slot, in minutes; 1 or more. */
  slotSize: number;
  /** IANA time zone of `from` and `to`, e.g. "Europe/Berlin". */
  timezone: string;
  /** End, in minutes after midnight: after `from`, at most 1440, e.g. 1080 for 18:00. */
  to: number;
  /** The days the range applies to; at least one, no repeats. */
  weekDays: Array<WeekDay>;
};

/** Sort order of a list. */
export type SortDirection =
  /** Smallest first. */
  | "ASC"
  /** Largest first. */
  | "DESC";

/** A time window in Unix seconds; `from` must be before `to`. */
export type TimeRangeInput = {
  /** Start of the window, Unix seconds. */
  from: number;
  /** End of the window, Unix seconds. */
  to: number;
};

/** Changes to a booking (booking.v1.booking.update `fields`); fields left out stay as they are. */
export type UpdateBookingInput = {
  /** New start and end. */
  datePeriod?: DatePeriodInput | null | undefined;
  /** New description. */
  description?: string | null | undefined;
  /** New name. */
  name?: string | null | undefined;
  /** New resource ids; at least one if given. */
  resourceIds?: Array<number> | null | undefined;
};

/** Changes to a resource (booking.v1.resource.update `fields`); fields left out stay as they are. */
export type UpdateResourceInput = {
  /** New description; null removes it. */
  description?: string | null | undefined;
  /** Whether it gets its own schedule column. */
  isMain?: boolean | null | undefined;
  /** New display name; not empty. */
  name?: string | null | undefined;
  /** Changed notification settings; what is left out stays. */
  notifications?: ResourceNotificationsInput | null | undefined;
  /** Id of the new resource type. */
  typeId?: number | null | undefined;
};

/** Changes to a resource type (booking.v1.resourceType.update `fields`); fields left out stay as they are. */
export type UpdateResourceTypeInput = {
  /** New code; not empty. Bitrix24 refuses any code a type already has, the type's own current code included (RESOURCE_TYPE_CODE_TAKEN): leave it out to keep it. */
  code?: string | null | undefined;
  /** New display name; not empty. */
  name?: string | null | undefined;
  /** Changed notification settings; what is left out stays. */
  notifications?: ResourceTypeNotificationsInput | null | undefined;
};

/** Changes to a waitlist item (booking.v1.waitlist.update `fields`). */
export type UpdateWaitListItemInput = {
  /** The new note; "" removes it (Bitrix24 ignores a null note). */
  note: string;
};

/** Which waitlist items to list. */
export type WaitListFilterInput = {
  /** Only items created on these days (Bitrix24 `filter.createdWithin`). */
  createdWithin?: DayRangeInput | null | undefined;
};

/** A day of the week (Bitrix24 `weekDays`: "Mon" … "Sun"). */
export type WeekDay =
  "FRIDAY" | "MONDAY" | "SATURDAY" | "SUNDAY" | "THURSDAY" | "TUESDAY" | "WEDNESDAY";

export type AddBookingMutationVariables = Exact<{
  input: AddBookingInput;
}>;

export type AddBookingMutation = {
  addBooking: {
    id: number;
    name: string;
    description: string | null;
    resourceIds: Array<number>;
    datePeriod: {
      from: { timestamp: number; timezone: string; iso: string };
      to: { timestamp: number; timezone: string; iso: string };
    };
  };
};

export type BookingQueryVariables = Exact<{
  id: number;
}>;

export type BookingQuery = {
  booking: {
    id: number;
    name: string;
    description: string | null;
    resourceIds: Array<number>;
    datePeriod: {
      from: { timestamp: number; timezone: string; iso: string };
      to: { timestamp: number; timezone: string; iso: string };
    };
    clients: Array<{ id: number; type: { code: ClientTypeCode } }>;
  } | null;
};

export type BookingChangedSubscriptionVariables = Exact<{
  ids?: Array<number> | number | null | undefined;
  kinds?: Array<ChangeKind> | ChangeKind | null | undefined;
}>;

export type BookingChangedSubscription = {
  bookingChanged: {
    kind: ChangeKind;
    id: number;
    occurredAt: number;
    booking: { id: number; name: string; resourceIds: Array<number> } | null;
  };
};

export type BookingClientIdsQueryVariables = Exact<{
  id: number;
}>;

export type BookingClientIdsQuery = {
  booking: { id: number; clients: Array<{ id: number }> } | null;
};

export type BookingClientsQueryVariables = Exact<{
  bookingId: number;
}>;

export type BookingClientsQuery = {
  bookingClients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
};

export type BookingCrmReferencesQueryVariables = Exact<{
  id: number;
}>;

export type BookingCrmReferencesQuery = {
  booking: {
    id: number;
    clients: Array<{
      id: number;
      type: { code: ClientTypeCode };
      contact: { id: number } | null;
      company: { id: number } | null;
    }>;
    externalData: Array<{ value: string; deal: { id: number } | null }>;
  } | null;
};

export type BookingsWithResourcesQueryVariables = Exact<{
  page?: PageInput | null | undefined;
}>;

export type BookingsWithResourcesQuery = {
  bookings: {
    items: Array<{
      id: number;
      name: string;
      resources: Array<{ id: number; name: string; type: { id: number; name: string } | null }>;
      clients: Array<{ id: number; type: { code: ClientTypeCode } }>;
    }>;
    pageInfo: { hasMore: boolean };
  };
};

export type BookingsQueryVariables = Exact<{
  filter?: BookingFilterInput | null | undefined;
  order?: BookingOrderInput | null | undefined;
  page?: PageInput | null | undefined;
}>;

export type BookingsQuery = {
  bookings: {
    items: Array<{
      id: number;
      name: string;
      datePeriod: { from: { iso: string }; to: { iso: string } };
      clients: Array<{ id: number; type: { code: ClientTypeCode } }>;
    }>;
    pageInfo: { offset: number; limit: number; hasMore: boolean };
  };
};

export type ClientTypesQueryVariables = Exact<{ [key: string]: never }>;

export type ClientTypesQuery = {
  clientTypes: Array<{ module: ClientModule; code: ClientTypeCode }>;
};

export type DeleteBookingMutationVariables = Exact<{
  id: number;
}>;

export type DeleteBookingMutation = { deleteBooking: { bookingId: number } };

export type BookingExternalDataQueryVariables = Exact<{
  bookingId: number;
}>;

export type BookingExternalDataQuery = {
  booking: {
    id: number;
    externalData: Array<{
      module: ExternalDataModule;
      entityType: ExternalDataEntityType;
      value: string;
    }>;
  } | null;
};

export type SetBookingExternalDataMutationVariables = Exact<{
  bookingId: number;
  externalData: Array<ExternalDataInput> | ExternalDataInput;
}>;

export type SetBookingExternalDataMutation = {
  setBookingExternalData: {
    bookingId: number;
    externalData: Array<{
      module: ExternalDataModule;
      entityType: ExternalDataEntityType;
      value: string;
    }>;
    booking: { id: number; externalData: Array<{ value: string }> } | null;
  };
};

export type UnsetBookingExternalDataMutationVariables = Exact<{
  bookingId: number;
}>;

export type UnsetBookingExternalDataMutation = {
  unsetBookingExternalData: {
    bookingId: number;
    booking: { id: number; externalData: Array<{ value: string }> } | null;
  };
};

export type SetWaitListItemExternalDataMutationVariables = Exact<{
  waitListItemId: number;
  externalData: Array<ExternalDataInput> | ExternalDataInput;
}>;

export type SetWaitListItemExternalDataMutation = {
  setWaitListItemExternalData: {
    waitListItemId: number;
    externalData: Array<{
      module: ExternalDataModule;
      entityType: ExternalDataEntityType;
      value: string;
    }>;
    waitListItem: { id: number; externalData: Array<{ value: string }> } | null;
  };
};

export type UnsetWaitListItemExternalDataMutationVariables = Exact<{
  waitListItemId: number;
}>;

export type UnsetWaitListItemExternalDataMutation = {
  unsetWaitListItemExternalData: {
    waitListItemId: number;
    waitListItem: { id: number; externalData: Array<{ value: string }> } | null;
  };
};

export type RenameBookingMutationVariables = Exact<{
  id?: number;
  name?: string;
}>;

export type RenameBookingMutation = { updateBooking: { id: number; name: string } };

export type SlotFieldsFragment = {
  id: number;
  from: number;
  to: number;
  fromTime: string;
  toTime: string;
  weekDays: Array<WeekDay>;
  slotSize: number;
  timezone: string;
};

export type ResourceSlotsQueryVariables = Exact<{
  resourceId: number;
}>;

export type ResourceSlotsQuery = {
  resource: {
    id: number;
    slots: Array<{
      id: number;
      from: number;
      to: number;
      fromTime: string;
      toTime: string;
      weekDays: Array<WeekDay>;
      slotSize: number;
      timezone: string;
    }>;
  } | null;
};

export type SetResourceSlotsMutationVariables = Exact<{
  resourceId: number;
  slots: Array<SlotInput> | SlotInput;
}>;

export type SetResourceSlotsMutation = {
  setResourceSlots: {
    resourceId: number;
    slots: Array<{
      id: number;
      from: number;
      to: number;
      fromTime: string;
      toTime: string;
      weekDays: Array<WeekDay>;
      slotSize: number;
      timezone: string;
    }>;
  };
};

export type SetResourceSlotsWithResourceMutationVariables = Exact<{
  resourceId: number;
  slots: Array<SlotInput> | SlotInput;
}>;

export type SetResourceSlotsWithResourceMutation = {
  setResourceSlots: {
    resourceId: number;
    slots: Array<{
      id: number;
      from: number;
      to: number;
      fromTime: string;
      toTime: string;
      weekDays: Array<WeekDay>;
      slotSize: number;
      timezone: string;
    }>;
    resource: { id: number; name: string } | null;
  };
};

export type UnsetResourceSlotsMutationVariables = Exact<{
  resourceId: number;
}>;

export type UnsetResourceSlotsMutation = {
  unsetResourceSlots: {
    resourceId: number;
    resource: { id: number; slots: Array<{ id: number }> } | null;
  };
};

export type ResourceTypeFieldsFragment = {
  id: number;
  name: string;
  code: string;
  notifications: {
    confirmation: {
      enabled: boolean;
      templateType: NotificationTemplateType;
      delaySeconds: number;
      repetitions: number;
      repetitionsIntervalSeconds: number;
      counterDelaySeconds: number;
    };
    reminder: {
      enabled: boolean;
      templateType: ReminderTemplateType;
      delaySeconds: number;
      inMorningOfBookingDay: boolean;
    };
    feedback: { enabled: boolean; templateType: NotificationTemplateType };
    delayed: {
      enabled: boolean;
      templateType: NotificationTemplateType;
      delaySeconds: number;
      counterDelaySeconds: number;
    };
  };
};

export type ResourceTypeQueryVariables = Exact<{
  id: number;
}>;

export type ResourceTypeQuery = {
  resourceType: {
    id: number;
    name: string;
    code: string;
    resources: { items: Array<{ id: number; name: string }> };
    notifications: {
      confirmation: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        repetitions: number;
        repetitionsIntervalSeconds: number;
        counterDelaySeconds: number;
      };
      reminder: {
        enabled: boolean;
        templateType: ReminderTemplateType;
        delaySeconds: number;
        inMorningOfBookingDay: boolean;
      };
      feedback: { enabled: boolean; templateType: NotificationTemplateType };
      delayed: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        counterDelaySeconds: number;
      };
    };
  } | null;
};

export type ResourceTypesQueryVariables = Exact<{
  filter?: ResourceTypeFilterInput | null | undefined;
  order?: ResourceTypeOrderInput | null | undefined;
  page?: PageInput | null | undefined;
}>;

export type ResourceTypesQuery = {
  resourceTypes: {
    items: Array<{ id: number; name: string; code: string }>;
    pageInfo: { offset: number; limit: number; hasMore: boolean };
  };
};

export type AddResourceTypeMutationVariables = Exact<{
  input: AddResourceTypeInput;
}>;

export type AddResourceTypeMutation = {
  addResourceType: {
    id: number;
    name: string;
    code: string;
    notifications: {
      confirmation: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        repetitions: number;
        repetitionsIntervalSeconds: number;
        counterDelaySeconds: number;
      };
      reminder: {
        enabled: boolean;
        templateType: ReminderTemplateType;
        delaySeconds: number;
        inMorningOfBookingDay: boolean;
      };
      feedback: { enabled: boolean; templateType: NotificationTemplateType };
      delayed: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        counterDelaySeconds: number;
      };
    };
  };
};

export type UpdateResourceTypeMutationVariables = Exact<{
  id: number;
  input: UpdateResourceTypeInput;
}>;

export type UpdateResourceTypeMutation = {
  updateResourceType: {
    id: number;
    name: string;
    code: string;
    notifications: {
      confirmation: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        repetitions: number;
        repetitionsIntervalSeconds: number;
        counterDelaySeconds: number;
      };
      reminder: {
        enabled: boolean;
        templateType: ReminderTemplateType;
        delaySeconds: number;
        inMorningOfBookingDay: boolean;
      };
      feedback: { enabled: boolean; templateType: NotificationTemplateType };
      delayed: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        counterDelaySeconds: number;
      };
    };
  };
};

export type DeleteResourceTypeMutationVariables = Exact<{
  id: number;
}>;

export type DeleteResourceTypeMutation = { deleteResourceType: { resourceTypeId: number } };

export type ResourceFieldsFragment = {
  id: number;
  name: string;
  description: string | null;
  typeId: number;
  isMain: boolean;
  notifications: {
    info: { enabled: boolean; templateType: NotificationTemplateType; delaySeconds: number };
    confirmation: {
      enabled: boolean;
      templateType: NotificationTemplateType;
      delaySeconds: number;
      repetitions: number;
      repetitionsIntervalSeconds: number;
      counterDelaySeconds: number;
    };
    reminder: {
      enabled: boolean;
      templateType: ReminderTemplateType;
      delaySeconds: number;
      inMorningOfBookingDay: boolean;
    };
    feedback: { enabled: boolean; templateType: NotificationTemplateType };
    delayed: {
      enabled: boolean;
      templateType: NotificationTemplateType;
      delaySeconds: number;
      counterDelaySeconds: number;
    };
  };
};

export type ResourceQueryVariables = Exact<{
  id: number;
}>;

export type ResourceQuery = {
  resource: {
    id: number;
    name: string;
    description: string | null;
    typeId: number;
    isMain: boolean;
    type: { id: number; name: string; code: string } | null;
    notifications: {
      info: { enabled: boolean; templateType: NotificationTemplateType; delaySeconds: number };
      confirmation: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        repetitions: number;
        repetitionsIntervalSeconds: number;
        counterDelaySeconds: number;
      };
      reminder: {
        enabled: boolean;
        templateType: ReminderTemplateType;
        delaySeconds: number;
        inMorningOfBookingDay: boolean;
      };
      feedback: { enabled: boolean; templateType: NotificationTemplateType };
      delayed: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        counterDelaySeconds: number;
      };
    };
  } | null;
};

export type ResourcesQueryVariables = Exact<{
  filter?: ResourceFilterInput | null | undefined;
  order?: ResourceOrderInput | null | undefined;
  page?: PageInput | null | undefined;
}>;

export type ResourcesQuery = {
  resources: {
    items: Array<{ id: number; name: string; typeId: number; isMain: boolean }>;
    pageInfo: { offset: number; limit: number; hasMore: boolean };
  };
};

export type AddResourceMutationVariables = Exact<{
  input: AddResourceInput;
}>;

export type AddResourceMutation = {
  addResource: {
    id: number;
    name: string;
    description: string | null;
    typeId: number;
    isMain: boolean;
    notifications: {
      info: { enabled: boolean; templateType: NotificationTemplateType; delaySeconds: number };
      confirmation: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        repetitions: number;
        repetitionsIntervalSeconds: number;
        counterDelaySeconds: number;
      };
      reminder: {
        enabled: boolean;
        templateType: ReminderTemplateType;
        delaySeconds: number;
        inMorningOfBookingDay: boolean;
      };
      feedback: { enabled: boolean; templateType: NotificationTemplateType };
      delayed: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        counterDelaySeconds: number;
      };
    };
  };
};

export type UpdateResourceMutationVariables = Exact<{
  id: number;
  input: UpdateResourceInput;
}>;

export type UpdateResourceMutation = {
  updateResource: {
    id: number;
    name: string;
    description: string | null;
    typeId: number;
    isMain: boolean;
    notifications: {
      info: { enabled: boolean; templateType: NotificationTemplateType; delaySeconds: number };
      confirmation: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        repetitions: number;
        repetitionsIntervalSeconds: number;
        counterDelaySeconds: number;
      };
      reminder: {
        enabled: boolean;
        templateType: ReminderTemplateType;
        delaySeconds: number;
        inMorningOfBookingDay: boolean;
      };
      feedback: { enabled: boolean; templateType: NotificationTemplateType };
      delayed: {
        enabled: boolean;
        templateType: NotificationTemplateType;
        delaySeconds: number;
        counterDelaySeconds: number;
      };
    };
  };
};

export type DeleteResourceMutationVariables = Exact<{
  id: number;
}>;

export type DeleteResourceMutation = { deleteResource: { resourceId: number } };

export type SetBookingClientsMutationVariables = Exact<{ [key: string]: never }>;

export type SetBookingClientsMutation = {
  setBookingClients: {
    bookingId: number;
    clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
  };
};

export type SetBookingClientsWithBookingMutationVariables = Exact<{
  bookingId: number;
  clients: Array<BookingClientInput> | BookingClientInput;
}>;

export type SetBookingClientsWithBookingMutation = {
  setBookingClients: {
    bookingId: number;
    clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
    booking: { id: number; name: string; clients: Array<{ id: number }> } | null;
  };
};

export type UnsetBookingClientsMutationVariables = Exact<{
  bookingId: number;
}>;

export type UnsetBookingClientsMutation = { unsetBookingClients: { bookingId: number } };

export type UpdateBookingMutationVariables = Exact<{
  id: number;
  input: UpdateBookingInput;
}>;

export type UpdateBookingMutation = {
  updateBooking: {
    id: number;
    name: string;
    description: string | null;
    resourceIds: Array<number>;
  };
};

export type WaitListItemFieldsFragment = {
  id: number;
  note: string | null;
  clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
  externalData: Array<{
    module: ExternalDataModule;
    entityType: ExternalDataEntityType;
    value: string;
  }>;
};

export type WaitListItemQueryVariables = Exact<{
  id: number;
}>;

export type WaitListItemQuery = {
  waitListItem: {
    id: number;
    note: string | null;
    clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
    externalData: Array<{
      module: ExternalDataModule;
      entityType: ExternalDataEntityType;
      value: string;
    }>;
  } | null;
};

export type WaitListItemsQueryVariables = Exact<{
  filter?: WaitListFilterInput | null | undefined;
  page?: PageInput | null | undefined;
}>;

export type WaitListItemsQuery = {
  waitListItems: {
    items: Array<{ id: number; note: string | null }>;
    pageInfo: { offset: number; limit: number; hasMore: boolean };
  };
};

export type AddWaitListItemMutationVariables = Exact<{
  input?: AddWaitListItemInput | null | undefined;
}>;

export type AddWaitListItemMutation = {
  addWaitListItem: {
    id: number;
    note: string | null;
    clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
    externalData: Array<{
      module: ExternalDataModule;
      entityType: ExternalDataEntityType;
      value: string;
    }>;
  };
};

export type UpdateWaitListItemMutationVariables = Exact<{
  id: number;
  input: UpdateWaitListItemInput;
}>;

export type UpdateWaitListItemMutation = {
  updateWaitListItem: { id: number; note: string | null };
};

export type DeleteWaitListItemMutationVariables = Exact<{
  id: number;
}>;

export type DeleteWaitListItemMutation = { deleteWaitListItem: { waitListItemId: number } };

export type CreateWaitListItemFromBookingMutationVariables = Exact<{
  bookingId: number;
}>;

export type CreateWaitListItemFromBookingMutation = {
  createWaitListItemFromBooking: {
    id: number;
    note: string | null;
    clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
    externalData: Array<{
      module: ExternalDataModule;
      entityType: ExternalDataEntityType;
      value: string;
    }>;
  };
};

export type CreateBookingFromWaitListMutationVariables = Exact<{
  waitListItemId: number;
  input: CreateBookingFromWaitListInput;
}>;

export type CreateBookingFromWaitListMutation = {
  createBookingFromWaitList: {
    id: number;
    name: string;
    resourceIds: Array<number>;
    datePeriod: {
      from: { timestamp: number; timezone: string };
      to: { timestamp: number; timezone: string };
    };
    clients: Array<{ id: number; type: { code: ClientTypeCode } }>;
    externalData: Array<{ entityType: ExternalDataEntityType; value: string }>;
  };
};

export type SetWaitListItemClientsMutationVariables = Exact<{
  waitListItemId: number;
  clients: Array<BookingClientInput> | BookingClientInput;
}>;

export type SetWaitListItemClientsMutation = {
  setWaitListItemClients: {
    waitListItemId: number;
    clients: Array<{ id: number; type: { module: ClientModule; code: ClientTypeCode } }>;
    waitListItem: { id: number; clients: Array<{ id: number }> } | null;
  };
};

export type UnsetWaitListItemClientsMutationVariables = Exact<{
  waitListItemId: number;
}>;

export type UnsetWaitListItemClientsMutation = {
  unsetWaitListItemClients: {
    waitListItemId: number;
    waitListItem: { id: number; clients: Array<{ id: number }> } | null;
  };
};

export const SlotFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SlotFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Slot" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "from" } },
          { kind: "Field", name: { kind: "Name", value: "to" } },
          { kind: "Field", name: { kind: "Name", value: "fromTime" } },
          { kind: "Field", name: { kind: "Name", value: "toTime" } },
          { kind: "Field", name: { kind: "Name", value: "weekDays" } },
          { kind: "Field", name: { kind: "Name", value: "slotSize" } },
          { kind: "Field", name: { kind: "Name", value: "timezone" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SlotFieldsFragment, unknown>;
export const ResourceTypeFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ResourceTypeFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ResourceType" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "code" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "notifications" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "confirmation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "repetitions" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "repetitionsIntervalSeconds" },
                      },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reminder" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "inMorningOfBookingDay" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "feedback" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "delayed" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResourceTypeFieldsFragment, unknown>;
export const ResourceFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ResourceFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Resource" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "description" } },
          { kind: "Field", name: { kind: "Name", value: "typeId" } },
          { kind: "Field", name: { kind: "Name", value: "isMain" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "notifications" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "info" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "confirmation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "repetitions" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "repetitionsIntervalSeconds" },
                      },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reminder" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "inMorningOfBookingDay" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "feedback" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "delayed" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResourceFieldsFragment, unknown>;
export const WaitListItemFieldsFragmentDoc = {
  kind: "Document",
  definitions: [
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WaitListItemFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "WaitListItem" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "note" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "clients" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "type" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "externalData" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "module" } },
                { kind: "Field", name: { kind: "Name", value: "entityType" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WaitListItemFieldsFragment, unknown>;
export const AddBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AddBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "AddBookingInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "addBooking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "description" } },
                { kind: "Field", name: { kind: "Name", value: "resourceIds" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "datePeriod" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "from" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                            { kind: "Field", name: { kind: "Name", value: "iso" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "to" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                            { kind: "Field", name: { kind: "Name", value: "iso" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddBookingMutation, AddBookingMutationVariables>;
export const BookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Booking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "booking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "description" } },
                { kind: "Field", name: { kind: "Name", value: "resourceIds" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "datePeriod" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "from" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                            { kind: "Field", name: { kind: "Name", value: "iso" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "to" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                            { kind: "Field", name: { kind: "Name", value: "iso" } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "code" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingQuery, BookingQueryVariables>;
export const BookingChangedDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "subscription",
      name: { kind: "Name", value: "BookingChanged" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "ids" } },
          type: {
            kind: "ListType",
            type: {
              kind: "NonNullType",
              type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
            },
          },
          defaultValue: { kind: "ListValue", values: [{ kind: "IntValue", value: "14" }] },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "kinds" } },
          type: {
            kind: "ListType",
            type: {
              kind: "NonNullType",
              type: { kind: "NamedType", name: { kind: "Name", value: "ChangeKind" } },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "bookingChanged" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "ids" },
                value: { kind: "Variable", name: { kind: "Name", value: "ids" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "kinds" },
                value: { kind: "Variable", name: { kind: "Name", value: "kinds" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "kind" } },
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "occurredAt" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "booking" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "resourceIds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingChangedSubscription, BookingChangedSubscriptionVariables>;
export const BookingClientIdsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "BookingClientIds" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "booking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingClientIdsQuery, BookingClientIdsQueryVariables>;
export const BookingClientsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "BookingClients" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "bookingClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "type" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingClientsQuery, BookingClientsQueryVariables>;
export const BookingCrmReferencesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "BookingCrmReferences" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "booking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "code" } }],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "contact" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "company" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "externalData" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "deal" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingCrmReferencesQuery, BookingCrmReferencesQueryVariables>;
export const BookingsWithResourcesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "BookingsWithResources" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "page" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "PageInput" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "bookings" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "page" },
                value: { kind: "Variable", name: { kind: "Name", value: "page" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "items" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "resources" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "type" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "id" } },
                                  { kind: "Field", name: { kind: "Name", value: "name" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "clients" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "type" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "code" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [{ kind: "Field", name: { kind: "Name", value: "hasMore" } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingsWithResourcesQuery, BookingsWithResourcesQueryVariables>;
export const BookingsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Bookings" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "BookingFilterInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "order" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "BookingOrderInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "page" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "PageInput" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "bookings" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "order" },
                value: { kind: "Variable", name: { kind: "Name", value: "order" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "page" },
                value: { kind: "Variable", name: { kind: "Name", value: "page" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "items" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "datePeriod" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "from" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "iso" } },
                                ],
                              },
                            },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "to" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "iso" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "clients" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            {
                              kind: "Field",
                              name: { kind: "Name", value: "type" },
                              selectionSet: {
                                kind: "SelectionSet",
                                selections: [
                                  { kind: "Field", name: { kind: "Name", value: "code" } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "offset" } },
                      { kind: "Field", name: { kind: "Name", value: "limit" } },
                      { kind: "Field", name: { kind: "Name", value: "hasMore" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingsQuery, BookingsQueryVariables>;
export const ClientTypesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ClientTypes" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "clientTypes" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "module" } },
                { kind: "Field", name: { kind: "Name", value: "code" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ClientTypesQuery, ClientTypesQueryVariables>;
export const DeleteBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "DeleteBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "deleteBooking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "bookingId" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteBookingMutation, DeleteBookingMutationVariables>;
export const BookingExternalDataDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "BookingExternalData" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "booking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "externalData" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "entityType" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BookingExternalDataQuery, BookingExternalDataQueryVariables>;
export const SetBookingExternalDataDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetBookingExternalData" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "externalData" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "ExternalDataInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setBookingExternalData" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "externalData" },
                value: { kind: "Variable", name: { kind: "Name", value: "externalData" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "bookingId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "externalData" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "entityType" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "booking" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "externalData" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "value" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  SetBookingExternalDataMutation,
  SetBookingExternalDataMutationVariables
>;
export const UnsetBookingExternalDataDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UnsetBookingExternalData" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "unsetBookingExternalData" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "bookingId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "booking" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "externalData" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "value" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  UnsetBookingExternalDataMutation,
  UnsetBookingExternalDataMutationVariables
>;
export const SetWaitListItemExternalDataDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetWaitListItemExternalData" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "externalData" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "ExternalDataInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setWaitListItemExternalData" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "waitListItemId" },
                value: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "externalData" },
                value: { kind: "Variable", name: { kind: "Name", value: "externalData" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "waitListItemId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "externalData" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "entityType" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "waitListItem" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "externalData" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "value" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  SetWaitListItemExternalDataMutation,
  SetWaitListItemExternalDataMutationVariables
>;
export const UnsetWaitListItemExternalDataDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UnsetWaitListItemExternalData" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "unsetWaitListItemExternalData" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "waitListItemId" },
                value: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "waitListItemId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "waitListItem" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "externalData" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "value" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  UnsetWaitListItemExternalDataMutation,
  UnsetWaitListItemExternalDataMutationVariables
>;
export const RenameBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "RenameBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
          defaultValue: { kind: "IntValue", value: "14" },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "name" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "String" } },
          },
          defaultValue: { kind: "StringValue", value: "Renamed from Sandbox", block: false },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateBooking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: {
                  kind: "ObjectValue",
                  fields: [
                    {
                      kind: "ObjectField",
                      name: { kind: "Name", value: "name" },
                      value: { kind: "Variable", name: { kind: "Name", value: "name" } },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RenameBookingMutation, RenameBookingMutationVariables>;
export const ResourceSlotsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ResourceSlots" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "resourceId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "resource" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "resourceId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "slots" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "SlotFields" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SlotFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Slot" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "from" } },
          { kind: "Field", name: { kind: "Name", value: "to" } },
          { kind: "Field", name: { kind: "Name", value: "fromTime" } },
          { kind: "Field", name: { kind: "Name", value: "toTime" } },
          { kind: "Field", name: { kind: "Name", value: "weekDays" } },
          { kind: "Field", name: { kind: "Name", value: "slotSize" } },
          { kind: "Field", name: { kind: "Name", value: "timezone" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResourceSlotsQuery, ResourceSlotsQueryVariables>;
export const SetResourceSlotsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetResourceSlots" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "resourceId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "slots" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "SlotInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setResourceSlots" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "resourceId" },
                value: { kind: "Variable", name: { kind: "Name", value: "resourceId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "slots" },
                value: { kind: "Variable", name: { kind: "Name", value: "slots" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "resourceId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "slots" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "SlotFields" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SlotFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Slot" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "from" } },
          { kind: "Field", name: { kind: "Name", value: "to" } },
          { kind: "Field", name: { kind: "Name", value: "fromTime" } },
          { kind: "Field", name: { kind: "Name", value: "toTime" } },
          { kind: "Field", name: { kind: "Name", value: "weekDays" } },
          { kind: "Field", name: { kind: "Name", value: "slotSize" } },
          { kind: "Field", name: { kind: "Name", value: "timezone" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetResourceSlotsMutation, SetResourceSlotsMutationVariables>;
export const SetResourceSlotsWithResourceDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetResourceSlotsWithResource" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "resourceId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "slots" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "SlotInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setResourceSlots" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "resourceId" },
                value: { kind: "Variable", name: { kind: "Name", value: "resourceId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "slots" },
                value: { kind: "Variable", name: { kind: "Name", value: "slots" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "resourceId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "slots" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "FragmentSpread", name: { kind: "Name", value: "SlotFields" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "resource" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "SlotFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Slot" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "from" } },
          { kind: "Field", name: { kind: "Name", value: "to" } },
          { kind: "Field", name: { kind: "Name", value: "fromTime" } },
          { kind: "Field", name: { kind: "Name", value: "toTime" } },
          { kind: "Field", name: { kind: "Name", value: "weekDays" } },
          { kind: "Field", name: { kind: "Name", value: "slotSize" } },
          { kind: "Field", name: { kind: "Name", value: "timezone" } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  SetResourceSlotsWithResourceMutation,
  SetResourceSlotsWithResourceMutationVariables
>;
export const UnsetResourceSlotsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UnsetResourceSlots" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "resourceId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "unsetResourceSlots" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "resourceId" },
                value: { kind: "Variable", name: { kind: "Name", value: "resourceId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "resourceId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "resource" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "slots" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UnsetResourceSlotsMutation, UnsetResourceSlotsMutationVariables>;
export const ResourceTypeDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ResourceType" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "resourceType" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "ResourceTypeFields" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "resources" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "items" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "id" } },
                            { kind: "Field", name: { kind: "Name", value: "name" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ResourceTypeFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ResourceType" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "code" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "notifications" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "confirmation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "repetitions" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "repetitionsIntervalSeconds" },
                      },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reminder" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "inMorningOfBookingDay" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "feedback" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "delayed" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResourceTypeQuery, ResourceTypeQueryVariables>;
export const ResourceTypesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "ResourceTypes" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ResourceTypeFilterInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "order" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ResourceTypeOrderInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "page" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "PageInput" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "resourceTypes" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "order" },
                value: { kind: "Variable", name: { kind: "Name", value: "order" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "page" },
                value: { kind: "Variable", name: { kind: "Name", value: "page" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "items" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "offset" } },
                      { kind: "Field", name: { kind: "Name", value: "limit" } },
                      { kind: "Field", name: { kind: "Name", value: "hasMore" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResourceTypesQuery, ResourceTypesQueryVariables>;
export const AddResourceTypeDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AddResourceType" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "AddResourceTypeInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "addResourceType" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "ResourceTypeFields" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ResourceTypeFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ResourceType" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "code" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "notifications" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "confirmation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "repetitions" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "repetitionsIntervalSeconds" },
                      },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reminder" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "inMorningOfBookingDay" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "feedback" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "delayed" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddResourceTypeMutation, AddResourceTypeMutationVariables>;
export const UpdateResourceTypeDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UpdateResourceType" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "UpdateResourceTypeInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateResourceType" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "ResourceTypeFields" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ResourceTypeFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "ResourceType" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "code" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "notifications" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "confirmation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "repetitions" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "repetitionsIntervalSeconds" },
                      },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reminder" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "inMorningOfBookingDay" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "feedback" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "delayed" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateResourceTypeMutation, UpdateResourceTypeMutationVariables>;
export const DeleteResourceTypeDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "DeleteResourceType" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "deleteResourceType" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "resourceTypeId" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteResourceTypeMutation, DeleteResourceTypeMutationVariables>;
export const ResourceDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Resource" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "resource" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "ResourceFields" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "type" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ResourceFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Resource" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "description" } },
          { kind: "Field", name: { kind: "Name", value: "typeId" } },
          { kind: "Field", name: { kind: "Name", value: "isMain" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "notifications" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "info" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "confirmation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "repetitions" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "repetitionsIntervalSeconds" },
                      },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reminder" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "inMorningOfBookingDay" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "feedback" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "delayed" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResourceQuery, ResourceQueryVariables>;
export const ResourcesDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "Resources" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ResourceFilterInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "order" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "ResourceOrderInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "page" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "PageInput" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "resources" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "order" },
                value: { kind: "Variable", name: { kind: "Name", value: "order" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "page" },
                value: { kind: "Variable", name: { kind: "Name", value: "page" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "items" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      { kind: "Field", name: { kind: "Name", value: "typeId" } },
                      { kind: "Field", name: { kind: "Name", value: "isMain" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "offset" } },
                      { kind: "Field", name: { kind: "Name", value: "limit" } },
                      { kind: "Field", name: { kind: "Name", value: "hasMore" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResourcesQuery, ResourcesQueryVariables>;
export const AddResourceDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AddResource" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "AddResourceInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "addResource" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "ResourceFields" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ResourceFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Resource" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "description" } },
          { kind: "Field", name: { kind: "Name", value: "typeId" } },
          { kind: "Field", name: { kind: "Name", value: "isMain" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "notifications" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "info" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "confirmation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "repetitions" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "repetitionsIntervalSeconds" },
                      },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reminder" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "inMorningOfBookingDay" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "feedback" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "delayed" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddResourceMutation, AddResourceMutationVariables>;
export const UpdateResourceDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UpdateResource" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "UpdateResourceInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateResource" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "ResourceFields" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "ResourceFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "Resource" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "name" } },
          { kind: "Field", name: { kind: "Name", value: "description" } },
          { kind: "Field", name: { kind: "Name", value: "typeId" } },
          { kind: "Field", name: { kind: "Name", value: "isMain" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "notifications" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "info" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "confirmation" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "repetitions" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "repetitionsIntervalSeconds" },
                      },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "reminder" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "inMorningOfBookingDay" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "feedback" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "delayed" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "enabled" } },
                      { kind: "Field", name: { kind: "Name", value: "templateType" } },
                      { kind: "Field", name: { kind: "Name", value: "delaySeconds" } },
                      { kind: "Field", name: { kind: "Name", value: "counterDelaySeconds" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateResourceMutation, UpdateResourceMutationVariables>;
export const DeleteResourceDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "DeleteResource" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "deleteResource" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "resourceId" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteResourceMutation, DeleteResourceMutationVariables>;
export const SetBookingClientsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetBookingClients" },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setBookingClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "IntValue", value: "14" },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "clients" },
                value: {
                  kind: "ListValue",
                  values: [
                    {
                      kind: "ObjectValue",
                      fields: [
                        {
                          kind: "ObjectField",
                          name: { kind: "Name", value: "id" },
                          value: { kind: "IntValue", value: "1" },
                        },
                        {
                          kind: "ObjectField",
                          name: { kind: "Name", value: "type" },
                          value: {
                            kind: "ObjectValue",
                            fields: [
                              {
                                kind: "ObjectField",
                                name: { kind: "Name", value: "module" },
                                value: { kind: "EnumValue", value: "CRM" },
                              },
                              {
                                kind: "ObjectField",
                                name: { kind: "Name", value: "code" },
                                value: { kind: "EnumValue", value: "CONTACT" },
                              },
                            ],
                          },
                        },
                      ],
                    },
                    {
                      kind: "ObjectValue",
                      fields: [
                        {
                          kind: "ObjectField",
                          name: { kind: "Name", value: "id" },
                          value: { kind: "IntValue", value: "2" },
                        },
                        {
                          kind: "ObjectField",
                          name: { kind: "Name", value: "type" },
                          value: {
                            kind: "ObjectValue",
                            fields: [
                              {
                                kind: "ObjectField",
                                name: { kind: "Name", value: "code" },
                                value: { kind: "EnumValue", value: "CONTACT" },
                              },
                            ],
                          },
                        },
                      ],
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "bookingId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "module" } },
                            { kind: "Field", name: { kind: "Name", value: "code" } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetBookingClientsMutation, SetBookingClientsMutationVariables>;
export const SetBookingClientsWithBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetBookingClientsWithBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "clients" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "BookingClientInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setBookingClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "clients" },
                value: { kind: "Variable", name: { kind: "Name", value: "clients" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "bookingId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "module" } },
                            { kind: "Field", name: { kind: "Name", value: "code" } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "booking" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "name" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "clients" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  SetBookingClientsWithBookingMutation,
  SetBookingClientsWithBookingMutationVariables
>;
export const UnsetBookingClientsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UnsetBookingClients" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "unsetBookingClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "bookingId" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UnsetBookingClientsMutation, UnsetBookingClientsMutationVariables>;
export const UpdateBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UpdateBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "UpdateBookingInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateBooking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "description" } },
                { kind: "Field", name: { kind: "Name", value: "resourceIds" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateBookingMutation, UpdateBookingMutationVariables>;
export const WaitListItemDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "WaitListItem" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "waitListItem" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "WaitListItemFields" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WaitListItemFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "WaitListItem" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "note" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "clients" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "type" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "externalData" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "module" } },
                { kind: "Field", name: { kind: "Name", value: "entityType" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WaitListItemQuery, WaitListItemQueryVariables>;
export const WaitListItemsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "query",
      name: { kind: "Name", value: "WaitListItems" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "filter" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "WaitListFilterInput" } },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "page" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "PageInput" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "waitListItems" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "filter" },
                value: { kind: "Variable", name: { kind: "Name", value: "filter" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "page" },
                value: { kind: "Variable", name: { kind: "Name", value: "page" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                {
                  kind: "Field",
                  name: { kind: "Name", value: "items" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      { kind: "Field", name: { kind: "Name", value: "note" } },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "pageInfo" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "offset" } },
                      { kind: "Field", name: { kind: "Name", value: "limit" } },
                      { kind: "Field", name: { kind: "Name", value: "hasMore" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WaitListItemsQuery, WaitListItemsQueryVariables>;
export const AddWaitListItemDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "AddWaitListItem" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: { kind: "NamedType", name: { kind: "Name", value: "AddWaitListItemInput" } },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "addWaitListItem" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "WaitListItemFields" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WaitListItemFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "WaitListItem" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "note" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "clients" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "type" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "externalData" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "module" } },
                { kind: "Field", name: { kind: "Name", value: "entityType" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddWaitListItemMutation, AddWaitListItemMutationVariables>;
export const UpdateWaitListItemDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UpdateWaitListItem" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "UpdateWaitListItemInput" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "updateWaitListItem" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "note" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateWaitListItemMutation, UpdateWaitListItemMutationVariables>;
export const DeleteWaitListItemDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "DeleteWaitListItem" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "id" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "deleteWaitListItem" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "id" },
                value: { kind: "Variable", name: { kind: "Name", value: "id" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [{ kind: "Field", name: { kind: "Name", value: "waitListItemId" } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteWaitListItemMutation, DeleteWaitListItemMutationVariables>;
export const CreateWaitListItemFromBookingDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CreateWaitListItemFromBooking" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "createWaitListItemFromBooking" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "bookingId" },
                value: { kind: "Variable", name: { kind: "Name", value: "bookingId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "FragmentSpread", name: { kind: "Name", value: "WaitListItemFields" } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: "FragmentDefinition",
      name: { kind: "Name", value: "WaitListItemFields" },
      typeCondition: { kind: "NamedType", name: { kind: "Name", value: "WaitListItem" } },
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          { kind: "Field", name: { kind: "Name", value: "id" } },
          { kind: "Field", name: { kind: "Name", value: "note" } },
          {
            kind: "Field",
            name: { kind: "Name", value: "clients" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "type" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "module" } },
                      { kind: "Field", name: { kind: "Name", value: "code" } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: "Field",
            name: { kind: "Name", value: "externalData" },
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "module" } },
                { kind: "Field", name: { kind: "Name", value: "entityType" } },
                { kind: "Field", name: { kind: "Name", value: "value" } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  CreateWaitListItemFromBookingMutation,
  CreateWaitListItemFromBookingMutationVariables
>;
export const CreateBookingFromWaitListDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "CreateBookingFromWaitList" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "input" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "NamedType",
              name: { kind: "Name", value: "CreateBookingFromWaitListInput" },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "createBookingFromWaitList" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "waitListItemId" },
                value: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "input" },
                value: { kind: "Variable", name: { kind: "Name", value: "input" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "id" } },
                { kind: "Field", name: { kind: "Name", value: "name" } },
                { kind: "Field", name: { kind: "Name", value: "resourceIds" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "datePeriod" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "from" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                          ],
                        },
                      },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "to" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "timestamp" } },
                            { kind: "Field", name: { kind: "Name", value: "timezone" } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "code" } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "externalData" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "entityType" } },
                      { kind: "Field", name: { kind: "Name", value: "value" } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  CreateBookingFromWaitListMutation,
  CreateBookingFromWaitListMutationVariables
>;
export const SetWaitListItemClientsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "SetWaitListItemClients" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "clients" } },
          type: {
            kind: "NonNullType",
            type: {
              kind: "ListType",
              type: {
                kind: "NonNullType",
                type: { kind: "NamedType", name: { kind: "Name", value: "BookingClientInput" } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "setWaitListItemClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "waitListItemId" },
                value: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
              },
              {
                kind: "Argument",
                name: { kind: "Name", value: "clients" },
                value: { kind: "Variable", name: { kind: "Name", value: "clients" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "waitListItemId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "clients" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "type" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [
                            { kind: "Field", name: { kind: "Name", value: "module" } },
                            { kind: "Field", name: { kind: "Name", value: "code" } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "waitListItem" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "clients" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  SetWaitListItemClientsMutation,
  SetWaitListItemClientsMutationVariables
>;
export const UnsetWaitListItemClientsDocument = {
  kind: "Document",
  definitions: [
    {
      kind: "OperationDefinition",
      operation: "mutation",
      name: { kind: "Name", value: "UnsetWaitListItemClients" },
      variableDefinitions: [
        {
          kind: "VariableDefinition",
          variable: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
          type: {
            kind: "NonNullType",
            type: { kind: "NamedType", name: { kind: "Name", value: "Int" } },
          },
        },
      ],
      selectionSet: {
        kind: "SelectionSet",
        selections: [
          {
            kind: "Field",
            name: { kind: "Name", value: "unsetWaitListItemClients" },
            arguments: [
              {
                kind: "Argument",
                name: { kind: "Name", value: "waitListItemId" },
                value: { kind: "Variable", name: { kind: "Name", value: "waitListItemId" } },
              },
            ],
            selectionSet: {
              kind: "SelectionSet",
              selections: [
                { kind: "Field", name: { kind: "Name", value: "waitListItemId" } },
                {
                  kind: "Field",
                  name: { kind: "Name", value: "waitListItem" },
                  selectionSet: {
                    kind: "SelectionSet",
                    selections: [
                      { kind: "Field", name: { kind: "Name", value: "id" } },
                      {
                        kind: "Field",
                        name: { kind: "Name", value: "clients" },
                        selectionSet: {
                          kind: "SelectionSet",
                          selections: [{ kind: "Field", name: { kind: "Name", value: "id" } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  UnsetWaitListItemClientsMutation,
  UnsetWaitListItemClientsMutationVariables
>;
