import type { WireClient, WireClientType } from "../bitrix/wire-types";
import type { BookingClientInput } from "./booking-client.input";
import type { BookingClient } from "./booking-client.type";
import { ClientModule } from "./client-module.enum";
import { ClientTypeCode } from "./client-type-code.enum";
import type { ClientType } from "./client-type.type";

const MODULES: Record<string, ClientModule> = { crm: ClientModule.CRM };
const CODES: Record<string, ClientTypeCode> = {
  CONTACT: ClientTypeCode.CONTACT,
  COMPANY: ClientTypeCode.COMPANY,
};

/** The enum form of a wire client type, or undefined when the portal sent a type this API lacks. */
export function toClientType(wire: WireClientType): ClientType | undefined {
  const module = MODULES[String(wire.module).toLowerCase()];
  const code = CODES[String(wire.code).toUpperCase()];
  return module && code ? { module, code } : undefined;
}

export function toBookingClient(wire: WireClient): BookingClient | undefined {
  const type = toClientType(wire.type ?? {});
  return type ? { id: Number(wire.id), type } : undefined;
}

export function toWireClient(input: BookingClientInput): WireClient {
  return { id: input.id, type: { module: input.type.module.toLowerCase(), code: input.type.code } };
}

export function inputToBookingClient(input: BookingClientInput): BookingClient {
  return { id: input.id, type: { module: input.type.module, code: input.type.code } };
}
