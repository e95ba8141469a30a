import { registerEnumType } from "type-graphql";

/** Wire value: "crm". */
export enum ExternalDataModule {
  CRM = "CRM",
}

registerEnumType(ExternalDataModule, {
  name: "ExternalDataModule",
  description:
    "Bitrix24 module that owns a linked record (external data `moduleId`; `crm` on the wire). Only CRM is supported today.",
  valuesConfig: { CRM: { description: "The CRM module." } },
});
