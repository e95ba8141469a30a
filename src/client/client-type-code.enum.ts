import { registerEnumType } from "type-graphql";

export enum ClientTypeCode {
  CONTACT = "CONTACT",
  COMPANY = "COMPANY",
}

registerEnumType(ClientTypeCode, {
  name: "ClientTypeCode",
  description: "Kind of CRM entity a booking client is (booking.v1.clienttype.list `code`).",
  valuesConfig: {
    CONTACT: { description: "A CRM contact (a person)." },
    COMPANY: { description: "A CRM company." },
  },
});
