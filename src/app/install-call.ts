import type { Installation } from "./installation";

/** What Bitrix24's install call says, before it is checked against the portal. */
export type InstallCallCheck =
  { ok: true; installation: Installation } | { ok: false; reason: string };

/**
 * Reads the install call Bitrix24 makes to a local application's handler: ONAPPINSTALL's fields
 * (`auth[access_token]`, `auth[refresh_token]`, `auth[application_token]`, `auth[member_id]`,
 * `auth[domain]`, `auth[client_endpoint]`, `auth[server_endpoint]`, `auth[expires_in]`), as form
 * fields with PHP-style keys or the same as JSON. The tokens are the gateway's from now on; the
 * application token is what every later event must carry. Reasons never quote a value.
 */
export function readInstallCall(body: unknown, clockNow: number): InstallCallCheck {
  // Stored times are whole milliseconds.
  const now = Math.floor(clockNow);
  const fields = objectOf(body);
  const event = typeof fields.event === "string" ? fields.event.toUpperCase() : "ONAPPINSTALL";
  if (event !== "ONAPPINSTALL") return { ok: false, reason: "`event` must be ONAPPINSTALL" };
  const auth = objectOf(fields.auth);
  const text = (name: string) => {
    const value = auth[name];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const required = ["access_token", "refresh_token", "application_token", "member_id"] as const;
  const missing = required.filter((name) => text(name) === undefined);
  if (missing.length > 0) {
    return { ok: false, reason: `missing ${missing.map((name) => `auth[${name}]`).join(", ")}` };
  }
  const clientEndpoint = text("client_endpoint");
  if (clientEndpoint !== undefined && !URL.canParse(clientEndpoint)) {
    return { ok: false, reason: "auth[client_endpoint] must be a URL" };
  }
  const expiresIn = Number(text("expires_in") ?? 3600);
  return {
    ok: true,
    installation: {
      memberId: text("member_id")!,
      domain: text("domain") ?? (clientEndpoint ? new URL(clientEndpoint).host : ""),
      clientEndpoint: clientEndpoint ?? "",
      serverEndpoint: text("server_endpoint") ?? "",
      applicationToken: text("application_token")!,
      accessToken: text("access_token")!,
      refreshToken: text("refresh_token")!,
      accessExpiresAt: now + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000,
      state: "valid",
      installedAt: now,
      updatedAt: now,
    },
  };
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
