import { Arg, Ctx, Int, Mutation, Resolver } from "type-graphql";
import { toBooking } from "../booking/booking.mapper";
import { Booking } from "../booking/booking.type";
import { validateDatePeriod, validateResourceIds } from "../booking/booking-validation";
import { requirePositiveId } from "../common/id-validation";
import type { GatewayContext } from "../context";
import { toWaitListItem } from "./waitlist-item.mapper";
import { WaitListItem } from "./waitlist-item.type";
import { CreateBookingFromWaitListInput } from "./waitlist-transfer.input";
import { COST, Costs } from "../limits/field-cost";

/** Moves between the waitlist and the calendar: the old record is deleted, the new one returned. */
@Resolver()
export class WaitListTransferResolver {
  @Costs(COST.writeAndRead)
  @Mutation(() => Booking, {
    description:
      "Books a waitlist item (booking.v1.booking.createfromwaitlist): the item is deleted and the new booking, with the item's clients and links, is returned as stored.",
  })
  async createBookingFromWaitList(
    @Arg("waitListItemId", () => Int) waitListItemId: number,
    @Arg("input", () => CreateBookingFromWaitListInput) input: CreateBookingFromWaitListInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<Booking> {
    requirePositiveId("waitListItemId", waitListItemId);
    validateResourceIds("input.resourceIds", input.resourceIds);
    validateDatePeriod("input.datePeriod", input.datePeriod);
    const wire = await ctx.waitList.book(waitListItemId, {
      resourceIds: input.resourceIds,
      datePeriod: input.datePeriod,
    });
    return toBooking(wire);
  }

  @Costs(COST.writeAndRead)
  @Mutation(() => WaitListItem, {
    description:
      "Moves a booking to the waitlist (booking.v1.waitlist.createfrombooking): the booking is deleted and the new waitlist item, with the booking's clients, links and note, is returned as stored.",
  })
  async createWaitListItemFromBooking(
    @Arg("bookingId", () => Int) bookingId: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<WaitListItem> {
    requirePositiveId("bookingId", bookingId);
    const wire = await ctx.waitList.takeFromCalendar(bookingId);
    return toWaitListItem(wire);
  }
}
