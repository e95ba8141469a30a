import { FieldResolver, Resolver, Root } from "type-graphql";
import { BookingClient } from "../client/booking-client.type";
import { Company } from "./company.type";
import { Contact } from "./contact.type";
import { companyOf, contactOf } from "./crm-reference.mapper";
import { COST, Costs } from "../limits/field-cost";

/** `contact` and `company` of a booking or waitlist client: the CRM entity, by the client's type. */
@Resolver(() => BookingClient)
export class BookingClientCrmResolver {
  @Costs(COST.none)
  @FieldResolver(() => Contact, {
    nullable: true,
    description:
      "The CRM contact when the client is a CONTACT, else null. Its fields come from the CRM subgraph.",
  })
  contact(@Root() client: BookingClient): Contact | null {
    return contactOf(client);
  }

  @Costs(COST.none)
  @FieldResolver(() => Company, {
    nullable: true,
    description:
      "The CRM company when the client is a COMPANY, else null. Its fields come from the CRM subgraph.",
  })
  company(@Root() client: BookingClient): Company | null {
    return companyOf(client);
  }
}
