import { Field, InputType } from "type-graphql";
import { ClientModule } from "./client-module.enum";
import { ClientTypeCode } from "./client-type-code.enum";

@InputType({
  description: "Type of a booking client, e.g. `{code: CONTACT}` (module defaults to CRM).",
})
export class ClientTypeInput {
  @Field(() => ClientModule, {
    nullable: false,
    defaultValue: ClientModule.CRM,
    description: "Module that owns the client entity. Default CRM, the only module today.",
  })
  module!: ClientModule;

  @Field(() => ClientTypeCode, { description: "Kind of entity within the module." })
  code!: ClientTypeCode;
}
