import { ksortDeep } from "../ksort";
import {
  type Booking,
  type BookingClient,
  type ClientCode,
  type ClientModule,
  type ExternalDataItem,
  type Resource,
  type ResourceType,
  type SlotRange,
  type WaitListItem,
} from "../store";
import { yesNo } from "./field-values";
import { notificationView } from "./notification-settings";

/** Wire shapes: camelCase keys, sorted, as the server's Externalizer emits them. */

export function bookingView(booking: Booking): unknown {
  return ksortDeep({
    id: booking.id,
    name: booking.name,
    description: booking.description,
    resourceIds: [...booking.resourceIds],
    datePeriod: {
      from: { ...booking.period.from },
      to: { ...booking.period.to },
    },
  });
}

export function bookingClientView(client: BookingClient): unknown {
  return ksortDeep({ id: client.id, type: clientTypeView(client.module, client.code) });
}

export function clientTypeView(module: ClientModule, code: ClientCode): unknown {
  return ksortDeep({ module, code });
}

export function externalDataView(item: ExternalDataItem): unknown {
  return ksortDeep({ ...item });
}

/** No moduleId (not in the view), no isInfoNotificationOn/templateTypeInfo (types lack them). */
export function resourceTypeView(type: ResourceType): unknown {
  return ksortDeep({
    id: type.id,
    name: type.name,
    code: type.code,
    ...notificationView(type.notifications, "resourceType"),
  });
}

/** Slots are not part of a resource's view; they have their own list method. */
export function resourceView(resource: Resource): unknown {
  return ksortDeep({
    id: resource.id,
    typeId: resource.typeId,
    name: resource.name,
    description: resource.description,
    isMain: yesNo(resource.isMain),
    ...notificationView(resource.notifications, "resource"),
  });
}

export function slotView(slot: SlotRange): unknown {
  return ksortDeep({ ...slot, weekDays: [...slot.weekDays] });
}

/** Only id and note: clients and links have their own list methods. */
export function waitListView(item: WaitListItem): unknown {
  return ksortDeep({ id: item.id, note: item.note });
}
