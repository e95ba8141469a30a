import { ClientTypeCode } from "../client/client-type-code.enum";
import type { BookingClient } from "../client/booking-client.type";
import { ExternalDataEntityType } from "../external-data/external-data-entity-type.enum";
import type { ExternalData } from "../external-data/external-data.type";
import type { Company } from "./company.type";
import type { Contact } from "./contact.type";
import type { Deal } from "./deal.type";

/**
 * References to CRM entities are built from data this subgraph already has (a client's id and type,
 * a link's value), so they cost no upstream call; the router asks the CRM subgraph for the rest.
 */
export function contactOf(client: BookingClient): Contact | null {
  return client.type.code === ClientTypeCode.CONTACT ? { id: client.id } : null;
}

export function companyOf(client: BookingClient): Company | null {
  return client.type.code === ClientTypeCode.COMPANY ? { id: client.id } : null;
}

/** A deal link's value is the deal id as digits; anything else refers to no deal. */
export function dealOf(link: ExternalData): Deal | null {
  if (link.entityType !== ExternalDataEntityType.DEAL || !/^[1-9]\d*$/.test(link.value))
    return null;
  const id = Number(link.value);
  return Number.isSafeInteger(id) && id <= 2 ** 31 - 1 ? { id } : null;
}
