import type { WireClient } from "../bitrix/wire-types";
import type { ItemKind } from "../common/known-items";
import { BookingClientInput } from "./booking-client.input";
import { BookingClient } from "./booking-client.type";
import { inputToBookingClient, toBookingClient, toWireClient } from "./client.mapper";
import { validateClients } from "./clients-validation";

/** Clients as items of a booking's or waitlist item's client list. */
export const CLIENT_ITEMS: ItemKind<WireClient, BookingClient, BookingClientInput> = {
  itemType: BookingClient,
  inputType: BookingClientInput,
  toItem: toBookingClient,
  unknown: (index, owner, wire) => ({
    subject: `the client type of client ${index} of ${owner}:`,
    value: wire.type,
  }),
  toWire: toWireClient,
  inputToItem: inputToBookingClient,
  validate: validateClients,
};
