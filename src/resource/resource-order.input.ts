import { Field, InputType, registerEnumType } from "type-graphql";
import { SortDirection } from "../common/sort-direction.enum";

export enum ResourceSortField {
  ID = "ID",
  NAME = "NAME",
}

registerEnumType(ResourceSortField, {
  name: "ResourceSortField",
  description: "What a resource list can be sorted by.",
  valuesConfig: {
    ID: { description: "Resource id." },
    NAME: { description: "Name, any case." },
  },
});

@InputType({ description: "Sort order of a resource list. Default: by id, ascending." })
export class ResourceOrderInput {
  @Field(() => ResourceSortField, { nullable: false, defaultValue: ResourceSortField.ID })
  field!: ResourceSortField;

  @Field(() => SortDirection, { nullable: false, defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
