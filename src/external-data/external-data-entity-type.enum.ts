import { registerEnumType } from "type-graphql";

/** Wire value: "DEAL". */
export enum ExternalDataEntityType {
  DEAL = "DEAL",
}

registerEnumType(ExternalDataEntityType, {
  name: "ExternalDataEntityType",
  description:
    "Kind of record a link points at (external data `entityTypeId`). Only CRM deals are supported today.",
  valuesConfig: { DEAL: { description: "A CRM deal; the link's `value` is the deal id." } },
});
