import { Arg, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import type { WireBookingFilter, WireBookingOrder } from "../bitrix/wire-types";
import { toWireClient } from "../client/client.mapper";
import { validateClients } from "../client/clients-validation";
import { requirePositiveId } from "../common/id-validation";
import { PageInput } from "../common/page.input";
import { validatePage } from "../common/paging";
import type { GatewayContext } from "../context";
import { userInputError } from "../errors/user-input-error";
import { BookingFilterInput } from "./booking-filter.input";
import { BookingOrderInput, BookingSortField } from "./booking-order.input";
import { BookingPage } from "./booking-page.type";
import { toBooking } from "./booking.mapper";
import { AddBookingInput, UpdateBookingInput } from "./booking.input";
import { Booking } from "./booking.type";
import { validateAddBooking, validateUpdateBooking } from "./booking-validation";
import { DeleteBookingPayload } from "./payloads.type";
import { COST, Costs } from "../limits/field-cost";

@Resolver(() => Booking)
export class BookingResolver {
  @Costs(COST.oneCall)
  @Query(() => Booking, {
    nullable: true,
    description:
      "One booking by id (booking.v1.booking.get). A missing id gives null and BOOKING_NOT_FOUND.",
  })
  async booking(@Arg("id", () => Int) id: number, @Ctx() ctx: GatewayContext): Promise<Booking> {
    requirePositiveId("id", id);
    return toBooking(await ctx.bookings.get(id));
  }

  @Costs(COST.paged)
  @Query(() => BookingPage, {
    description: "Bookings that match a filter, in pages (booking.v1.booking.list).",
  })
  async bookings(
    @Arg("filter", () => BookingFilterInput, { nullable: true }) filter: BookingFilterInput | null,
    @Arg("order", () => BookingOrderInput, { nullable: true }) order: BookingOrderInput | null,
    @Arg("page", () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<BookingPage> {
    const window = validatePage("page", page);
    const wireFilter = filter ? toWireFilter(filter) : undefined;
    const wireOrder = order ? toWireOrder(order) : undefined;
    const result = await ctx.bookings.list(
      { ...(wireFilter && { filter: wireFilter }), ...(wireOrder && { order: wireOrder }) },
      window,
    );
    return { items: result.items.map(toBooking), pageInfo: result.pageInfo };
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => Booking, {
    description: "Creates a booking (booking.v1.booking.add) and returns it as stored.",
  })
  async addBooking(
    @Arg("input", () => AddBookingInput) input: AddBookingInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Booking> {
    validateAddBooking("input", input);
    const wire = await ctx.bookings.add({
      resourceIds: input.resourceIds,
      datePeriod: input.datePeriod,
      ...(input.name != null && { name: input.name }),
      ...(input.description != null && { description: input.description }),
    });
    return toBooking(wire);
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => Booking, {
    description: "Changes a booking (booking.v1.booking.update) and returns it as stored.",
  })
  async updateBooking(
    @Arg("id", () => Int) id: number,
    @Arg("input", () => UpdateBookingInput) input: UpdateBookingInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Booking> {
    requirePositiveId("id", id);
    validateUpdateBooking("input", input);
    const wire = await ctx.bookings.update(id, {
      ...(input.resourceIds && { resourceIds: input.resourceIds }),
      ...(input.datePeriod && { datePeriod: input.datePeriod }),
      ...(input.name != null && { name: input.name }),
      ...(input.description !== undefined && { description: input.description }),
    });
    return toBooking(wire);
  }

  @Costs(COST.oneCall)
  @Mutation(() => DeleteBookingPayload, {
    description: "Deletes a booking (booking.v1.booking.delete).",
  })
  async deleteBooking(
    @Arg("id", () => Int) id: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<DeleteBookingPayload> {
    requirePositiveId("id", id);
    await ctx.bookings.delete(id);
    return { bookingId: id };
  }
}

function toWireFilter(filter: BookingFilterInput): WireBookingFilter {
  const wire: WireBookingFilter = {};
  if (filter.within) {
    if (filter.within.from >= filter.within.to) {
      throw userInputError(
        "filter.within.to",
        `must be after filter.within.from (${filter.within.from})`,
        filter.within.to,
      );
    }
    wire.within = { dateFrom: filter.within.from, dateTo: filter.within.to };
  }
  if (filter.clients) {
    validateClients("filter.clients", filter.clients);
    wire.client = { entities: filter.clients.map((c) => ({ id: c.id, ...toWireClient(c).type })) };
  }
  if (filter.resourceIds) {
    filter.resourceIds.forEach((id, index) =>
      requirePositiveId(`filter.resourceIds[${index}]`, id),
    );
    wire.resourceId = filter.resourceIds;
  }
  return wire;
}

const SORT_KEYS: Record<BookingSortField, keyof WireBookingOrder> = {
  [BookingSortField.ID]: "id",
  [BookingSortField.DATE_FROM]: "dateFrom",
  [BookingSortField.DATE_TO]: "dateTo",
};

function toWireOrder(order: BookingOrderInput): WireBookingOrder {
  return { [SORT_KEYS[order.field]]: order.direction };
}
