import { registerEnumType } from "type-graphql";

export enum ClientModule {
  CRM = "CRM",
}

registerEnumType(ClientModule, {
  name: "ClientModule",
  description:
    "Bitrix24 module that owns a client entity (booking.v1.clienttype.list `module`; `crm` on the wire).",
  valuesConfig: { CRM: { description: "The CRM module: contacts and companies." } },
});
