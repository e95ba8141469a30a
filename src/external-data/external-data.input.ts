import { Field, InputType } from "type-graphql";
import { ExternalDataEntityType } from "./external-data-entity-type.enum";
import { ExternalDataModule } from "./external-data-module.enum";

@InputType({
  description:
    'A link to a CRM deal, e.g. `{value: "12"}` (module CRM and type DEAL are defaults).',
})
export class ExternalDataInput {
  @Field(() => ExternalDataModule, {
    nullable: false,
    defaultValue: ExternalDataModule.CRM,
    description: "Module that owns the record. Default CRM, the only module today.",
  })
  module!: ExternalDataModule;

  @Field(() => ExternalDataEntityType, {
    nullable: false,
    defaultValue: ExternalDataEntityType.DEAL,
    description: "Kind of record. Default DEAL, the only kind today.",
  })
  entityType!: ExternalDataEntityType;

  @Field(() => String, {
    description: 'Id of the record: for a deal, its id as digits, e.g. "12".',
  })
  value!: string;
}
