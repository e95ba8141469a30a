import { Field, ObjectType } from "type-graphql";
import { ClientModule } from "./client-module.enum";
import { ClientTypeCode } from "./client-type-code.enum";

@ObjectType({ description: "Type of a booking client, as listed by booking.v1.clienttype.list." })
export class ClientType {
  @Field(() => ClientModule, { description: "Module that owns the client entity." })
  module!: ClientModule;

  @Field(() => ClientTypeCode, { description: "Kind of entity within the module." })
  code!: ClientTypeCode;
}
