import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Resolver, Root } from "type-graphql";
import { BookingClientInput } from "../client/booking-client.input";
import { BookingClient } from "../client/booking-client.type";
import { listWaitListItemClients } from "../client/client-list";
import { inputToBookingClient, toWireClient } from "../client/client.mapper";
import { validateClients } from "../client/clients-validation";
import { requirePositiveId } from "../common/id-validation";
import { selectsField } from "../common/selection";
import type { GatewayContext } from "../context";
import {
  SetWaitListItemClientsPayload,
  UnsetWaitListItemClientsPayload,
} from "./waitlist-client.payloads";
import { toWaitListItem } from "./waitlist-item.mapper";
import { WaitListItem } from "./waitlist-item.type";

@Resolver(() => WaitListItem)
export class WaitListItemClientsResolver {
  @FieldResolver(() => [BookingClient], {
    description:
      "CRM contacts and companies attached to the item (booking.v1.waitlist.client.list).",
  })
  clients(
    @Root() item: WaitListItem,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BookingClient[]> {
    return listWaitListItemClients(ctx, item.id, info);
  }
}

@Resolver()
export class WaitListClientMutationResolver {
  @Mutation(() => SetWaitListItemClientsPayload, {
    description:
      "Replaces the whole client list of a waitlist item (booking.v1.waitlist.client.set). Clients not in `clients` are removed.",
  })
  async setWaitListItemClients(
    @Arg("waitListItemId", () => Int) waitListItemId: number,
    @Arg("clients", () => [BookingClientInput]) clients: BookingClientInput[],
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SetWaitListItemClientsPayload> {
    requirePositiveId("waitListItemId", waitListItemId);
    validateClients("clients", clients, "unsetWaitListItemClients");
    const wireClients = clients.map(toWireClient);
    const item = await ctx.waitListApi.setClients(
      waitListItemId,
      wireClients,
      selectsField(info, "waitListItem"),
    );
    // client.set replaces the whole list, so the list is now exactly what was sent.
    ctx.loaders.clientsByWaitListItemId.clear(waitListItemId).prime(waitListItemId, wireClients);
    if (item) ctx.loaders.waitListItemById.clear(waitListItemId).prime(waitListItemId, item);
    return {
      waitListItemId,
      clients: clients.map(inputToBookingClient),
      ...(item && { waitListItem: toWaitListItem(item) }),
    };
  }

  @Mutation(() => UnsetWaitListItemClientsPayload, {
    description: "Removes every client from a waitlist item (booking.v1.waitlist.client.unset).",
  })
  async unsetWaitListItemClients(
    @Arg("waitListItemId", () => Int) waitListItemId: number,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UnsetWaitListItemClientsPayload> {
    requirePositiveId("waitListItemId", waitListItemId);
    const item = await ctx.waitListApi.unsetClients(
      waitListItemId,
      selectsField(info, "waitListItem"),
    );
    ctx.loaders.clientsByWaitListItemId.clear(waitListItemId).prime(waitListItemId, []);
    if (item) ctx.loaders.waitListItemById.clear(waitListItemId).prime(waitListItemId, item);
    return { waitListItemId, ...(item && { waitListItem: toWaitListItem(item) }) };
  }
}
