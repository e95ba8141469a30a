import { BookingResolver } from "../booking/booking.resolver";
import {
  BookingClientResolver,
  SetBookingClientsPayloadResolver,
  UnsetBookingClientsPayloadResolver,
} from "../booking/booking-clients.resolver";
import { ClientTypeResolver } from "../client/client-type.resolver";
import { BookingClientCrmResolver } from "../crm/booking-client-crm.resolver";
import { ExternalDataCrmResolver } from "../crm/external-data-crm.resolver";
import {
  BookingExternalDataMutationResolver,
  BookingExternalDataResolver,
} from "../external-data/booking-external-data.resolver";
import {
  WaitListExternalDataMutationResolver,
  WaitListItemExternalDataResolver,
} from "../external-data/waitlist-external-data.resolver";
import { BookingResourcesResolver } from "../resource/booking-resources.resolver";
import { ResourceResolver } from "../resource/resource.resolver";
import { ResourceTypeResourcesResolver } from "../resource/resource-type-resources.resolver";
import { ResourceTypeResolver } from "../resource-type/resource-type.resolver";
import { ResourceSlotsResolver, SlotMutationResolver } from "../slot/slot.resolver";
import {
  WaitListClientMutationResolver,
  WaitListItemClientsResolver,
} from "../waitlist/waitlist-client.resolver";
import { WaitListItemResolver } from "../waitlist/waitlist-item.resolver";
import { WaitListTransferResolver } from "../waitlist/waitlist-transfer.resolver";

/** Every type-graphql resolver class of the subgraph. */
export const RESOLVERS = [
  BookingResolver,
  BookingClientResolver,
  SetBookingClientsPayloadResolver,
  UnsetBookingClientsPayloadResolver,
  ClientTypeResolver,
  BookingResourcesResolver,
  BookingExternalDataResolver,
  BookingExternalDataMutationResolver,
  ResourceTypeResolver,
  ResourceTypeResourcesResolver,
  ResourceResolver,
  ResourceSlotsResolver,
  SlotMutationResolver,
  WaitListItemResolver,
  WaitListItemClientsResolver,
  WaitListClientMutationResolver,
  WaitListItemExternalDataResolver,
  WaitListExternalDataMutationResolver,
  WaitListTransferResolver,
  BookingClientCrmResolver,
  ExternalDataCrmResolver,
] as const;
