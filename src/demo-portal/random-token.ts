import { randomBytes } from "node:crypto";

/**
 * 32 random hex digits: the shape of a Bitrix24 member_id, application_token, process_id and
 * MESSAGE_ID. The demo portal's OAuth tokens take it too (Bitrix24's are longer, but a client must
 * treat a token as opaque anyway).
 */
export function randomToken(): string {
  return randomBytes(16).toString("hex");
}
