import { ksortDeep } from "../ksort";
import { type Booking, type BookingClient, type ClientCode, type ClientModule } from "../store";

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
