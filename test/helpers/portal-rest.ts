import type { DemoPortal } from "../../src/demo-portal";

/** Calls a demo-portal method directly over REST (JSON body), as any Bitrix24 client would. */
export async function portalCall<T = unknown>(
  portal: DemoPortal,
  method: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${portal.webhookUrl}${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  const body = (await response.json()) as {
    result?: T;
    error?: string;
    error_description?: string;
  };
  if (body.error !== undefined)
    throw new Error(`${method}: ${body.error} ${body.error_description ?? ""}`);
  return body.result as T;
}

/** Makes the portal refuse the next call of `method` with ACCESS_DENIED (403): one that fails once. */
export function failNextCall(portal: DemoPortal, method: string): void {
  portal.injectFault({ method, kind: "error", error: "ACCESS_DENIED", status: 403, times: 1 });
}

/**
 * Adds a booking of an hour from `from` (Unix seconds, Berlin time) on the portal itself, as another
 * Bitrix24 client would; returns its id.
 */
export function addBookingOnPortal(
  portal: DemoPortal,
  fields: { resourceIds: number[]; from: number; name?: string },
): Promise<number> {
  const { from, ...rest } = fields;
  return portalCall<number>(portal, "booking.v1.booking.add", {
    fields: {
      ...rest,
      datePeriod: {
        from: { timestamp: from, timezone: "Europe/Berlin" },
        to: { timestamp: from + 3600, timezone: "Europe/Berlin" },
      },
    },
  });
}

/** Adds bookings on resource 1, an hour each, and gives each one CRM contact; returns their ids. */
export async function addBookingsWithClients(portal: DemoPortal, count: number): Promise<number[]> {
  const ids: number[] = [];
  const start = Date.UTC(2026, 5, 1, 8) / 1000;
  for (let i = 0; i < count; i += 1) {
    const id = await addBookingOnPortal(portal, {
      resourceIds: [1],
      name: `Load ${i}`,
      from: start + i * 3600,
    });
    await portalCall(portal, "booking.v1.booking.client.set", {
      bookingId: id,
      clients: [{ id: 1 + (i % 2), type: { module: "crm", code: "CONTACT" } }],
    });
    ids.push(id);
  }
  return ids;
}
