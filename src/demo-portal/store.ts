/** The portal's in-memory data. Records hold plain values; the wire shape lives in methods/views.ts. */

/**
 * A map of records keyed by id that hands out ids like a database auto-increment: an id is never
 * reused, even after its record is deleted, and seed rows stored under chosen ids move the
 * counter past them.
 */
export class Table<T extends { id: number }> extends Map<number, T> {
  private lastId = 0;

  insert(draft: Omit<T, "id">): T {
    const row = { ...draft, id: this.lastId + 1 } as T;
    this.set(row.id, row);
    return row;
  }

  override set(id: number, row: T): this {
    this.lastId = Math.max(this.lastId, id);
    return super.set(id, row);
  }
}

export interface BookingTime {
  timestamp: number;
  /** IANA zone name exactly as the caller sent it. */
  timezone: string;
}

export interface DatePeriod {
  from: BookingTime;
  to: BookingTime;
}

export type ClientModule = "crm";
export type ClientCode = "CONTACT" | "COMPANY";

export interface BookingClient {
  id: number;
  module: ClientModule;
  code: ClientCode;
}

/** A link to another module's record; the booking module supports CRM deals only. */
export interface ExternalDataItem {
  moduleId: "crm";
  entityTypeId: "DEAL";
  /** The deal id, kept as the string the API sends and returns. */
  value: string;
}

export interface Booking {
  id: number;
  name: string;
  description: string | null;
  resourceIds: number[];
  period: DatePeriod;
  clients: BookingClient[];
  externalData: ExternalDataItem[];
  /**
   * The manager's note. Not part of the REST view; it travels to and from the waitlist
   * (waitlist.createfrombooking, booking.createfromwaitlist), as the server copies it.
   */
  note: string | null;
  /** Unix seconds; what `filter.createdWithin` looks at. */
  createdAt: number;
}

export type BookingDraft = Omit<Booking, "id">;

export type TemplateType = "animate" | "inanimate";

/**
 * The notification settings a resource type carries and a resource inherits. Delays are seconds
 * (`reminderNotificationDelay: -1` is "in the morning of the booking day").
 */
export interface NotificationSettings {
  isInfoNotificationOn: boolean;
  templateTypeInfo: TemplateType;
  infoNotificationDelay: number;
  isConfirmationNotificationOn: boolean;
  templateTypeConfirmation: TemplateType;
  confirmationNotificationDelay: number;
  confirmationNotificationRepetitions: number;
  confirmationNotificationRepetitionsInterval: number;
  confirmationCounterDelay: number;
  isReminderNotificationOn: boolean;
  templateTypeReminder: "base";
  reminderNotificationDelay: number;
  isFeedbackNotificationOn: boolean;
  templateTypeFeedback: TemplateType;
  isDelayedNotificationOn: boolean;
  templateTypeDelayed: TemplateType;
  delayedNotificationDelay: number;
  delayedCounterDelay: number;
}

export interface ResourceType {
  id: number;
  /** Types created over REST always belong to "booking"; codes are unique within a module. */
  moduleId: string;
  code: string;
  name: string;
  notifications: NotificationSettings;
}

export type WeekDay = "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun";

/** When a resource can be booked: minutes after midnight in `timezone`, on `weekDays`. */
export interface SlotRange {
  id: number;
  from: number;
  to: number;
  timezone: string;
  weekDays: WeekDay[];
  slotSize: number;
}

export interface Resource {
  id: number;
  typeId: number;
  name: string;
  description: string | null;
  /** Shown as a schedule column (true) or only where resources overlap (false). */
  isMain: boolean;
  notifications: NotificationSettings;
  slots: SlotRange[];
}

export interface WaitListItem {
  id: number;
  note: string | null;
  clients: BookingClient[];
  externalData: ExternalDataItem[];
  /** Unix seconds; what `filter.createdWithin` looks at. */
  createdAt: number;
}

export interface CrmContact {
  id: number;
  name: string;
}

export interface CrmCompany {
  id: number;
  title: string;
}

export interface CrmDeal {
  id: number;
  title: string;
}

export type CrmEntityType = "CONTACT" | "COMPANY" | "DEAL";

/**
 * The few CRM records the demo data points at. No REST method serves them; they are here so that
 * a CRM stand-in (a test subgraph, a fixture) can show names for client and deal ids.
 */
export class CrmData {
  readonly contacts = new Map<number, CrmContact>();
  readonly companies = new Map<number, CrmCompany>();
  readonly deals = new Map<number, CrmDeal>();

  /** A contact's full name, or a company's or deal's title; undefined when there is no such record. */
  nameOf(type: CrmEntityType, id: number): string | undefined {
    switch (type) {
      case "CONTACT":
        return this.contacts.get(id)?.name;
      case "COMPANY":
        return this.companies.get(id)?.title;
      case "DEAL":
        return this.deals.get(id)?.title;
    }
  }
}

export class PortalStore {
  readonly resourceTypes = new Table<ResourceType>();
  readonly resources = new Table<Resource>();
  readonly bookings = new Table<Booking>();
  readonly waitList = new Table<WaitListItem>();
  readonly crm = new CrmData();

  /** Slot ranges get ids from one portal-wide sequence, like rows of one table. */
  private lastSlotId = 0;

  nextSlotId(): number {
    this.lastSlotId += 1;
    return this.lastSlotId;
  }
}
