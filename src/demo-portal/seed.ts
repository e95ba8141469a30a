import { DEFAULT_NOTIFICATIONS } from "./methods/notification-settings";
import {
  PortalStore,
  type Booking,
  type BookingTime,
  type NotificationSettings,
  type SlotRange,
  type WaitListItem,
  type WeekDay,
} from "./store";

/** "demo" is a small, realistic portal; "empty" has no data at all (no resources either). */
export type PortalSeed = "demo" | "empty";

export const PORTAL_SEEDS: readonly PortalSeed[] = ["demo", "empty"];

export function isPortalSeed(value: unknown): value is PortalSeed {
  return PORTAL_SEEDS.includes(value as PortalSeed);
}

export function createStore(seed: PortalSeed): PortalStore {
  const store = new PortalStore();
  if (seed === "demo") fillDemoData(store);
  return store;
}

/** Rooms use the "inanimate" message templates, people the "animate" ones. */
const ROOM_NOTIFICATIONS: NotificationSettings = {
  ...DEFAULT_NOTIFICATIONS,
  isFeedbackNotificationOn: false,
};

const SPECIALIST_NOTIFICATIONS: NotificationSettings = {
  ...DEFAULT_NOTIFICATIONS,
  templateTypeInfo: "animate",
  templateTypeConfirmation: "animate",
  templateTypeFeedback: "animate",
  templateTypeDelayed: "animate",
  confirmationNotificationRepetitions: 1,
  confirmationNotificationRepetitionsInterval: 10800,
};

const WORKING_DAYS: WeekDay[] = ["Mon", "Tue", "Wed", "Thu", "Fri"];

function fillDemoData(store: PortalStore): void {
  const types = [
    { id: 1, name: "Meeting rooms", code: "meeting_rooms", notifications: ROOM_NOTIFICATIONS },
    { id: 2, name: "Specialists", code: "specialists", notifications: SPECIALIST_NOTIFICATIONS },
  ];
  for (const type of types) {
    const notifications = { ...type.notifications };
    store.resourceTypes.set(type.id, { ...type, notifications, moduleId: "booking" });
  }

  const office = (from: number, to: number, slotSize: number): SlotRange => ({
    id: store.nextSlotId(),
    from,
    to,
    timezone: "Europe/Berlin",
    weekDays: [...WORKING_DAYS],
    slotSize,
  });
  const resources = [
    {
      id: 1,
      typeId: 1,
      name: "Room 1",
      description: "Ground floor, eight seats and a screen",
      notifications: ROOM_NOTIFICATIONS,
      slots: [office(9 * 60, 18 * 60, 60)],
    },
    {
      id: 2,
      typeId: 1,
      name: "Room 2",
      description: null,
      notifications: ROOM_NOTIFICATIONS,
      slots: [office(9 * 60, 18 * 60, 60)],
    },
    {
      // Two ranges a day: the morning and the afternoon around a lunch break.
      id: 3,
      typeId: 2,
      name: "Massage therapist Anna",
      description: "Deep tissue and sports massage",
      notifications: SPECIALIST_NOTIFICATIONS,
      slots: [office(9 * 60, 13 * 60, 30), office(14 * 60, 18 * 60, 30)],
    },
  ];
  for (const resource of resources) {
    const notifications = { ...resource.notifications };
    store.resources.set(resource.id, { ...resource, notifications, isMain: true });
  }

  store.crm.contacts.set(1, { id: 1, name: "Anna Schmidt" });
  store.crm.contacts.set(2, { id: 2, name: "Lukas Meyer" });
  store.crm.companies.set(1, { id: 1, title: "Müller & Partner GmbH" });
  store.crm.deals.set(1, { id: 1, title: "Consulting retainer Müller & Partner" });

  for (const booking of demoBookings()) store.bookings.set(booking.id, booking);
  for (const item of demoWaitList()) store.waitList.set(item.id, item);
}

/**
 * Booking 14 starts with one COMPANY client, so replacing its clients with two CONTACTs (the
 * example used throughout the docs and tests) is a visible change; it is also the booking with a
 * linked CRM deal.
 */
function demoBookings(): Booking[] {
  // A function, so that no two bookings share one array.
  const booking = () => ({ clients: [], externalData: [], note: null });
  return [
    {
      ...booking(),
      id: 12,
      name: "Sprint planning",
      description: "Quarterly planning with the product team",
      resourceIds: [1],
      period: {
        from: berlin("2026-03-02T09:00:00+01:00"),
        to: berlin("2026-03-02T10:30:00+01:00"),
      },
      createdAt: unix("2026-02-20T10:00:00Z"),
    },
    {
      ...booking(),
      id: 13,
      name: "Deep tissue massage",
      description: null,
      resourceIds: [3],
      period: {
        from: berlin("2026-03-02T14:00:00+01:00"),
        to: berlin("2026-03-02T15:00:00+01:00"),
      },
      clients: [{ id: 2, module: "crm", code: "CONTACT" }],
      createdAt: unix("2026-02-25T16:30:00Z"),
    },
    {
      ...booking(),
      id: 14,
      name: "Client consultation",
      description: null,
      resourceIds: [2],
      period: {
        from: berlin("2026-03-03T11:00:00+01:00"),
        to: berlin("2026-03-03T12:00:00+01:00"),
      },
      clients: [{ id: 1, module: "crm", code: "COMPANY" }],
      externalData: [{ moduleId: "crm", entityTypeId: "DEAL", value: "1" }],
      createdAt: unix("2026-02-27T08:45:00Z"),
    },
    {
      ...booking(),
      id: 15,
      name: "Back massage before the offsite",
      description: "Room 1 is booked for the therapist's equipment",
      resourceIds: [3, 1],
      period: {
        from: berlin("2026-04-14T10:00:00+02:00"),
        to: berlin("2026-04-14T10:45:00+02:00"),
      },
      clients: [{ id: 1, module: "crm", code: "CONTACT" }],
      createdAt: unix("2026-03-30T12:00:00Z"),
    },
  ];
}

/** Two requests from known clients and one anonymous walk-in without a note. */
function demoWaitList(): WaitListItem[] {
  return [
    {
      id: 1,
      note: "Any free room on a Friday morning",
      clients: [{ id: 2, module: "crm", code: "CONTACT" }],
      externalData: [],
      createdAt: unix("2026-03-10T09:15:00Z"),
    },
    {
      id: 2,
      note: "Wants a massage with Anna after 17:00",
      clients: [{ id: 1, module: "crm", code: "CONTACT" }],
      externalData: [],
      createdAt: unix("2026-04-02T14:40:00Z"),
    },
    {
      id: 3,
      note: null,
      clients: [],
      externalData: [],
      createdAt: unix("2026-04-16T07:05:00Z"),
    },
  ];
}

/** Seed times are written as Berlin wall-clock time with its offset, which is easier to check. */
function berlin(isoWithOffset: string): BookingTime {
  return { timestamp: unix(isoWithOffset), timezone: "Europe/Berlin" };
}

function unix(iso: string): number {
  return Date.parse(iso) / 1000;
}
