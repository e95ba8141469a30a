import { registerEnumType } from "type-graphql";

export enum ChangeKind {
  ADDED = "ADDED",
  UPDATED = "UPDATED",
  DELETED = "DELETED",
}

registerEnumType(ChangeKind, {
  name: "ChangeKind",
  description: "What happened to a record.",
  valuesConfig: {
    ADDED: { description: "It was created (or moved in: a booking made from a waitlist item)." },
    UPDATED: { description: "It was changed." },
    DELETED: { description: "It was deleted (or moved out: a booking moved to the waitlist)." },
  },
});
