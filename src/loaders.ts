import DataLoader from "dataloader";
import type { BookingApi } from "./bitrix/booking-api";
import {
  BOOKING_EXTERNAL_DATA,
  WAITLIST_EXTERNAL_DATA,
  type ExternalDataApi,
} from "./bitrix/external-data-api";
import type { ResourceApi } from "./bitrix/resource-api";
import type { ResourceTypeApi } from "./bitrix/resource-type-api";
import type { WireResource, WireResourceType, WireSlot } from "./bitrix/resource-wire-types";
import type { WaitListApi } from "./bitrix/waitlist-api";
import type { WireExternalData, WireWaitListItem } from "./bitrix/waitlist-wire-types";
import type { WireBooking, WireClient } from "./bitrix/wire-types";

/**
 * Per-request loaders for every read by key: they dedupe keys and cache within one GraphQL request,
 * so a booking asked for by several fields is fetched once. A miss comes back as an Error in its
 * key's place, failing only the fields that asked for it. Each key costs one upstream call, and the
 * batching layer folds the calls of one tick into Bitrix24 `batch` requests.
 */
export interface Loaders {
  bookingById: DataLoader<number, WireBooking>;
  clientsByBookingId: DataLoader<number, WireClient[]>;
  externalDataByBookingId: DataLoader<number, WireExternalData[]>;
  resourceTypeById: DataLoader<number, WireResourceType>;
  resourceById: DataLoader<number, WireResource>;
  slotsByResourceId: DataLoader<number, WireSlot[]>;
  waitListItemById: DataLoader<number, WireWaitListItem>;
  clientsByWaitListItemId: DataLoader<number, WireClient[]>;
  externalDataByWaitListItemId: DataLoader<number, WireExternalData[]>;
}

/** The typed upstream APIs of one request that the loaders read through. */
export interface LoaderApis {
  booking: BookingApi;
  resourceType: ResourceTypeApi;
  resource: ResourceApi;
  waitList: WaitListApi;
  externalData: ExternalDataApi;
}

export function createLoaders(apis: LoaderApis): Loaders {
  return {
    bookingById: byKey((id) => apis.booking.getBooking(id)),
    clientsByBookingId: byKey((id) => apis.booking.listBookingClients(id)),
    externalDataByBookingId: byKey((id) => apis.externalData.list(BOOKING_EXTERNAL_DATA, id)),
    resourceTypeById: byKey((id) => apis.resourceType.getResourceType(id)),
    resourceById: byKey((id) => apis.resource.getResource(id)),
    slotsByResourceId: byKey((id) => apis.resource.listSlots(id)),
    waitListItemById: byKey((id) => apis.waitList.getWaitListItem(id)),
    clientsByWaitListItemId: byKey((id) => apis.waitList.listClients(id)),
    externalDataByWaitListItemId: byKey((id) => apis.externalData.list(WAITLIST_EXTERNAL_DATA, id)),
  };
}

/** A loader that reads each key with its own upstream call. */
function byKey<T>(read: (id: number) => Promise<T>): DataLoader<number, T> {
  return new DataLoader<number, T>((ids) => settle(ids.map(read)));
}

/** Resolves every promise, turning rejections into Error values as DataLoader expects. */
function settle<T>(promises: Array<Promise<T>>): Promise<Array<T | Error>> {
  return Promise.all(
    promises.map((promise) =>
      promise.catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      ),
    ),
  );
}
