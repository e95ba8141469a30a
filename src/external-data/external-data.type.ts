import { Field, ObjectType } from "type-graphql";
import { ExternalDataEntityType } from "./external-data-entity-type.enum";
import { ExternalDataModule } from "./external-data-module.enum";

@ObjectType({
  description:
    "A link from a booking or waitlist item to another module's record, e.g. a CRM deal (booking.v1.*.externalData).",
})
export class ExternalData {
  @Field(() => ExternalDataModule, { description: "Module that owns the record (`moduleId`)." })
  module!: ExternalDataModule;

  @Field(() => ExternalDataEntityType, {
    description: "Kind of record (`entityTypeId`).",
  })
  entityType!: ExternalDataEntityType;

  @Field(() => String, {
    description: "Id of the linked record as Bitrix24 stores it, as text: for a deal, the deal id.",
  })
  value!: string;
}
