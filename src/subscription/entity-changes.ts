import { toBooking } from "../booking/booking.mapper";
import { Booking } from "../booking/booking.type";
import { toResource } from "../resource/resource.mapper";
import { Resource } from "../resource/resource.type";
import { toResourceType } from "../resource-type/resource-type.mapper";
import { ResourceType } from "../resource-type/resource-type.type";
import { toWaitListItem } from "../waitlist/waitlist-item.mapper";
import { WaitListItem } from "../waitlist/waitlist-item.type";
import { liveChangeResolvers } from "./live-change.resolvers";

/** The four subscriptions, one per entity Bitrix24 sends events about. */
export const SUBSCRIPTION_RESOLVERS = [
  ...liveChangeResolvers({
    entity: "booking",
    typeName: "BookingChange",
    subscription: "bookingChanged",
    recordField: "booking",
    recordType: Booking,
    noun: "booking",
    toGraphQL: toBooking,
  }),
  ...liveChangeResolvers({
    entity: "resource",
    typeName: "ResourceChange",
    subscription: "resourceChanged",
    recordField: "resource",
    recordType: Resource,
    noun: "resource",
    toGraphQL: toResource,
  }),
  ...liveChangeResolvers({
    entity: "resourceType",
    typeName: "ResourceTypeChange",
    subscription: "resourceTypeChanged",
    recordField: "resourceType",
    recordType: ResourceType,
    noun: "resource type",
    toGraphQL: toResourceType,
  }),
  ...liveChangeResolvers({
    entity: "waitListItem",
    typeName: "WaitListItemChange",
    subscription: "waitListItemChanged",
    recordField: "waitListItem",
    recordType: WaitListItem,
    noun: "waitlist item",
    toGraphQL: toWaitListItem,
  }),
];
