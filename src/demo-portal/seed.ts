import { PortalStore, type Booking, type BookingTime } from "./store";

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

function fillDemoData(store: PortalStore): void {
  store.resourceTypes.set(1, { id: 1, name: "Meeting rooms", code: "meeting_rooms" });
  store.resourceTypes.set(2, { id: 2, name: "Specialists", code: "specialists" });

  store.resources.set(1, { id: 1, name: "Room 1", typeId: 1 });
  store.resources.set(2, { id: 2, name: "Room 2", typeId: 1 });
  store.resources.set(3, { id: 3, name: "Massage therapist Anna", typeId: 2 });

  store.contacts.set(1, { id: 1, name: "Anna Schmidt" });
  store.contacts.set(2, { id: 2, name: "Lukas Meyer" });
  store.companies.set(1, { id: 1, title: "Müller & Partner GmbH" });

  for (const booking of demoBookings()) store.putBooking(booking);
}

/**
 * Booking 14 starts with one COMPANY client, so replacing its clients with two CONTACTs (the
 * example used throughout the docs and tests) is a visible change.
 */
function demoBookings(): Booking[] {
  return [
    {
      id: 12,
      name: "Sprint planning",
      description: "Quarterly planning with the product team",
      resourceIds: [1],
      period: {
        from: berlin("2026-03-02T09:00:00+01:00"),
        to: berlin("2026-03-02T10:30:00+01:00"),
      },
      clients: [],
    },
    {
      id: 13,
      name: "Deep tissue massage",
      description: null,
      resourceIds: [3],
      period: {
        from: berlin("2026-03-02T14:00:00+01:00"),
        to: berlin("2026-03-02T15:00:00+01:00"),
      },
      clients: [{ id: 2, module: "crm", code: "CONTACT" }],
    },
    {
      id: 14,
      name: "Client consultation",
      description: null,
      resourceIds: [2],
      period: {
        from: berlin("2026-03-03T11:00:00+01:00"),
        to: berlin("2026-03-03T12:00:00+01:00"),
      },
      clients: [{ id: 1, module: "crm", code: "COMPANY" }],
    },
    {
      id: 15,
      name: "Back massage before the offsite",
      description: "Room 1 is booked for the therapist's equipment",
      resourceIds: [3, 1],
      period: {
        from: berlin("2026-04-14T10:00:00+02:00"),
        to: berlin("2026-04-14T10:45:00+02:00"),
      },
      clients: [{ id: 1, module: "crm", code: "CONTACT" }],
    },
  ];
}

/** Seed times are written as Berlin wall-clock time with its offset, which is easier to check. */
function berlin(isoWithOffset: string): BookingTime {
  return { timestamp: Date.parse(isoWithOffset) / 1000, timezone: "Europe/Berlin" };
}
