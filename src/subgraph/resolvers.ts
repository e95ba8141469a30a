import { BookingResolver } from "../booking/booking.resolver";
import {
  BookingClientResolver,
  SetBookingClientsPayloadResolver,
  UnsetBookingClientsPayloadResolver,
} from "../client/booking-client.resolver";
import { ClientTypeResolver } from "../client/client-type.resolver";

/** Every type-graphql resolver class of the subgraph. */
export const RESOLVERS = [
  BookingResolver,
  BookingClientResolver,
  SetBookingClientsPayloadResolver,
  UnsetBookingClientsPayloadResolver,
  ClientTypeResolver,
] as const;
