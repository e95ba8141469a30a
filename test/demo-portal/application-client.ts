import { type DemoPortal } from "../../src/demo-portal";
import { type EventReceiver } from "./event-receiver";
import { get, postJson, type Reply, type SuccessBody } from "./rest-client";

/** The tokens an installation callback keeps from ONAPPINSTALL, as a gateway would read them. */
export interface InstalledTokens {
  accessToken: string;
  refreshToken: string;
  /** Every auth[…] and data[…] field of the install POST, by name. */
  fields: Record<string, string>;
}

/**
 * Installs the portal's application with `receiver` as its installation callback and reads the
 * tokens from the ONAPPINSTALL body the receiver got (the latest one).
 */
export async function installInto(
  portal: DemoPortal,
  receiver: EventReceiver,
): Promise<InstalledTokens> {
  const before = receiver.deliveries.length;
  const { status } = await portal.installApplication(receiver.url);
  expect(status).toBe(200);
  const deliveries = await receiver.received(before + 1);
  const fields = Object.fromEntries(deliveries[before]?.fields ?? []);
  return {
    accessToken: fields["auth[access_token]"] ?? "",
    refreshToken: fields["auth[refresh_token]"] ?? "",
    fields,
  };
}

/** A REST call with an access token in the Authorization header, the way SDKs prefer. */
export function callWithToken<B = SuccessBody>(
  portal: DemoPortal,
  accessToken: string,
  method: string,
  params: Record<string, unknown> = {},
): Promise<Reply<B>> {
  return postJson<B>(`${portal.origin}/rest/${method}`, params, {
    authorization: `Bearer ${accessToken}`,
  });
}

/** The token endpoint by GET with the parameters in the query string, as the docs show it. */
export function refreshByGet<B = Record<string, unknown>>(
  portal: DemoPortal,
  params: Record<string, string>,
): Promise<Reply<B>> {
  return get<B>(`${portal.oauthServerUrl}token/?${new URLSearchParams(params).toString()}`);
}

/** The refresh parameters of the portal's application for `refreshToken`. */
export function refreshParams(portal: DemoPortal, refreshToken: string): Record<string, string> {
  return {
    grant_type: "refresh_token",
    client_id: portal.application.clientId,
    client_secret: portal.application.clientSecret,
    refresh_token: refreshToken,
  };
}
