import { BookingResolver } from "../booking/booking.resolver";
import {
  BOOKING_CLIENTS_RESOLVERS,
  BookingClientsQueryResolver,
} from "../booking/booking-clients.resolver";
import { ClientTypeResolver } from "../client/client-type.resolver";
import { BookingClientCrmResolver } from "../crm/booking-client-crm.resolver";
import { ExternalDataCrmResolver } from "../crm/external-data-crm.resolver";
import {
  BOOKING_EXTERNAL_DATA_RESOLVERS,
  WAITLIST_EXTERNAL_DATA_RESOLVERS,
} from "../external-data/external-data.resolvers";
import { BookingResourcesResolver } from "../resource/booking-resources.resolver";
import { ResourceResolver } from "../resource/resource.resolver";
import { ResourceTypeResourcesResolver } from "../resource/resource-type-resources.resolver";
import { ResourceTypeResolver } from "../resource-type/resource-type.resolver";
import { ResourceSlotsResolver, SlotMutationResolver } from "../slot/slot.resolver";
import { SUBSCRIPTION_RESOLVERS } from "../subscription/entity-changes";
import { WAITLIST_CLIENTS_RESOLVERS } from "../waitlist/waitlist-client.resolver";
import { WaitListItemResolver } from "../waitlist/waitlist-item.resolver";
import { WaitListTransferResolver } from "../waitlist/waitlist-transfer.resolver";

/** Every type-graphql resolver class of the subgraph. */
export const RESOLVERS = [
  BookingResolver,
  BookingClientsQueryResolver,
  ...BOOKING_CLIENTS_RESOLVERS,
  ClientTypeResolver,
  BookingResourcesResolver,
  ...BOOKING_EXTERNAL_DATA_RESOLVERS,
  ResourceTypeResolver,
  ResourceTypeResourcesResolver,
  ResourceResolver,
  ResourceSlotsResolver,
  SlotMutationResolver,
  WaitListItemResolver,
  ...WAITLIST_CLIENTS_RESOLVERS,
  ...WAITLIST_EXTERNAL_DATA_RESOLVERS,
  WaitListTransferResolver,
  BookingClientCrmResolver,
  ExternalDataCrmResolver,
  ...SUBSCRIPTION_RESOLVERS,
] as const;
