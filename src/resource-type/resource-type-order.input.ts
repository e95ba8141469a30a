import { Field, InputType, registerEnumType } from "type-graphql";
import { SortDirection } from "../common/sort-direction.enum";

export enum ResourceTypeSortField {
  ID = "ID",
  NAME = "NAME",
  CODE = "CODE",
}

registerEnumType(ResourceTypeSortField, {
  name: "ResourceTypeSortField",
  description: "What a resource type list can be sorted by.",
  valuesConfig: {
    ID: { description: "Resource type id." },
    NAME: { description: "Name, any case." },
    CODE: { description: "Code, any case." },
  },
});

@InputType({ description: "Sort order of a resource type list. Default: by id, ascending." })
export class ResourceTypeOrderInput {
  @Field(() => ResourceTypeSortField, {
    nullable: false,
    defaultValue: ResourceTypeSortField.ID,
  })
  field!: ResourceTypeSortField;

  @Field(() => SortDirection, { nullable: false, defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}
