import type { GraphQLResolveInfo } from "graphql";
import { responsePathAsArray } from "graphql";
import type { WireExternalData } from "../bitrix/waitlist-wire-types";
import type { GatewayContext } from "../context";
import { leftOutOfList } from "../errors/partial-errors";
import { unknownValueError } from "../errors/unknown-value-error";
import { toExternalData } from "./external-data.mapper";
import type { ExternalData } from "./external-data.type";

/**
 * The links of a booking or waitlist item. A link of a kind this API does not know (a newer portal
 * may allow more than CRM deals) is left out and reported as an error of its own, so the rest of the
 * list still arrives.
 */
export function knownExternalData(
  ctx: GatewayContext,
  wire: WireExternalData[],
  owner: { label: string; extensions: Record<string, number> },
  info?: GraphQLResolveInfo,
): ExternalData[] {
  const links: ExternalData[] = [];
  wire.forEach((item, index) => {
    const link = toExternalData(item);
    if (link) {
      links.push(link);
      return;
    }
    ctx.partialErrors.push(
      leftOutOfList(
        info ? [...responsePathAsArray(info.path), index] : [],
        unknownValueError(
          `the kind of link ${index} of ${owner.label}:`,
          `${item.moduleId}/${item.entityTypeId}`,
        ),
        { ...owner.extensions, item },
      ),
    );
  });
  return links;
}
