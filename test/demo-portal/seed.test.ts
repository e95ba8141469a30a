import { createStore } from "../../src/demo-portal/seed";

describe("demo data", () => {
  const store = createStore("demo");

  it("keeps the long-standing ids: bookings 12-15, resources 1-3, types 1-2, waitlist 1-3", () => {
    expect([...store.bookings.keys()]).toEqual([12, 13, 14, 15]);
    expect([...store.resources.values()].map(({ id, name }) => [id, name])).toEqual([
      [1, "Room 1"],
      [2, "Room 2"],
      [3, "Massage therapist Anna"],
    ]);
    expect([...store.resourceTypes.keys()]).toEqual([1, 2]);
    expect([...store.waitList.keys()]).toEqual([1, 2, 3]);
  });

  it("is consistent: every resource's type, every booking's resources and clients exist", () => {
    for (const resource of store.resources.values()) {
      expect(store.resourceTypes.has(resource.typeId)).toBe(true);
      expect(resource.slots.length).toBeGreaterThan(0);
    }
    const holders = [...store.bookings.values(), ...store.waitList.values()];
    for (const booking of store.bookings.values()) {
      for (const id of booking.resourceIds) expect(store.resources.has(id)).toBe(true);
    }
    for (const holder of holders) {
      for (const client of holder.clients) {
        expect(store.crm.nameOf(client.code, client.id)).toEqual(expect.any(String));
      }
      for (const link of holder.externalData) {
        expect(store.crm.nameOf(link.entityTypeId, Number(link.value))).toEqual(expect.any(String));
      }
    }
  });

  it("gives CRM names for contacts, companies and deals through store.crm", () => {
    expect(store.crm.nameOf("CONTACT", 1)).toBe("Anna Schmidt");
    expect(store.crm.nameOf("CONTACT", 2)).toBe("Lukas Meyer");
    expect(store.crm.nameOf("COMPANY", 1)).toBe("Müller & Partner GmbH");
    expect(store.crm.nameOf("DEAL", 1)).toEqual(expect.any(String));
    expect(store.crm.nameOf("DEAL", 2)).toBeUndefined();
    expect(store.bookings.get(14)?.externalData).toEqual([
      { moduleId: "crm", entityTypeId: "DEAL", value: "1" },
    ]);
  });

  it("hands out ids after the seeded ones, and never reuses a deleted id", () => {
    const fresh = createStore("demo");
    const first = fresh.waitList.insert({
      note: null,
      clients: [],
      externalData: [],
      createdAt: 0,
    });
    expect(first.id).toBe(4);
    fresh.waitList.delete(first.id);
    expect(
      fresh.waitList.insert({ note: null, clients: [], externalData: [], createdAt: 0 }).id,
    ).toBe(5);
    const slotIds = [...fresh.resources.values()].flatMap((resource) =>
      resource.slots.map((slot) => slot.id),
    );
    expect(fresh.nextSlotId()).toBe(Math.max(...slotIds) + 1);
  });
});

describe("empty data", () => {
  it("holds nothing at all", () => {
    const store = createStore("empty");
    for (const table of [store.resourceTypes, store.resources, store.bookings, store.waitList]) {
      expect(table.size).toBe(0);
    }
    expect(store.crm.contacts.size + store.crm.companies.size + store.crm.deals.size).toBe(0);
  });
});
