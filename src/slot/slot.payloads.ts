import { Field, Int, ObjectType } from "type-graphql";
import { Resource } from "../resource/resource.type";
import { Slot } from "./slot.type";
import { COST, Costs } from "../limits/field-cost";

@ObjectType({ description: "Result of setResourceSlots." })
export class SetResourceSlotsPayload {
  @Field(() => Int, { description: "Id of the resource whose slots were set." })
  resourceId!: number;

  @Field(() => [Slot], {
    description:
      "The resource's slot ranges now, with their new ids; read in the same upstream request as the write.",
  })
  slots!: Slot[];

  @Costs(COST.readBack)
  @Field(() => Resource, {
    nullable: true,
    description: "The resource; read in the same upstream request, only when selected.",
  })
  resource?: Resource | null;
}

@ObjectType({ description: "Result of unsetResourceSlots." })
export class UnsetResourceSlotsPayload {
  @Field(() => Int, { description: "Id of the resource whose slots were removed." })
  resourceId!: number;

  @Costs(COST.readBack)
  @Field(() => Resource, {
    nullable: true,
    description: "The resource; read in the same upstream request, only when selected.",
  })
  resource?: Resource | null;
}
