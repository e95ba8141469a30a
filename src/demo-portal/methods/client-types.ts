import { type ClientCode, type ClientModule } from "../store";

/** The client types a booking can hold: CRM contacts and companies. */
export const CLIENT_TYPES: ReadonlyArray<{ module: ClientModule; code: ClientCode }> = [
  { module: "crm", code: "COMPANY" },
  { module: "crm", code: "CONTACT" },
];

export function findClientType(
  module: unknown,
  code: unknown,
): { module: ClientModule; code: ClientCode } | undefined {
  return CLIENT_TYPES.find((type) => type.module === module && type.code === code);
}
