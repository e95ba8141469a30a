import { FieldResolver, Resolver, Root } from "type-graphql";
import { ExternalData } from "../external-data/external-data.type";
import { dealOf } from "./crm-reference.mapper";
import { Deal } from "./deal.type";
import { COST, Costs } from "../limits/field-cost";

/** `deal` of a booking's or waitlist item's link: the CRM deal it points at. */
@Resolver(() => ExternalData)
export class ExternalDataCrmResolver {
  @Costs(COST.none)
  @FieldResolver(() => Deal, {
    nullable: true,
    description:
      "The CRM deal when the link points at one (entityType DEAL), else null. Its fields come from the CRM subgraph.",
  })
  deal(@Root() link: ExternalData): Deal | null {
    return dealOf(link);
  }
}
