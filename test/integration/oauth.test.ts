import { BookingClientsDocument, SetBookingClientsDocument } from "../generated/graphql";
import { startStack, type TestStack } from "../helpers/gateway";
import { execute } from "../helpers/graphql-http";

describe("OAuth mode: each caller's own token", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({
      oauth: true,
      portal: { oauthTokens: { "token-anna": 5, "token-lukas": 6 }, expiredTokens: ["token-old"] },
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.portal.resetStats());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("forwards each caller's token, never another's", async () => {
    const [anna, lukas] = await Promise.all([
      execute(stack.gateway.url, SetBookingClientsDocument, undefined, bearer("token-anna")),
      execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 }, bearer("token-lukas")),
    ]);
    expect(anna.errors).toBeUndefined();
    expect(lukas.errors).toBeUndefined();
    expect(stack.portal.stats().callsByUser).toEqual({ "5": 1, "6": 1 });
  });

  it("answers a request without a token with UNAUTHENTICATED and makes no upstream call", async () => {
    const result = await execute(stack.gateway.url, BookingClientsDocument, { bookingId: 14 });
    expect(result.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED" });
    expect(stack.portal.stats().httpRequests).toBe(0);
  });

  it("maps an expired token to UNAUTHENTICATED with the Bitrix24 code", async () => {
    const result = await execute(
      stack.gateway.url,
      BookingClientsDocument,
      { bookingId: 14 },
      bearer("token-old"),
    );
    expect(result.errors?.[0]?.extensions).toEqual({
      code: "UNAUTHENTICATED",
      bitrix: {
        error: "expired_token",
        description: "The access token provided has expired",
        status: 401,
        method: "booking.v1.booking.client.list",
      },
    });
    expect(JSON.stringify(result)).not.toContain("token-old");
  });

  it("maps an unknown token to UNAUTHENTICATED (NO_AUTH_FOUND)", async () => {
    const result = await execute(
      stack.gateway.url,
      BookingClientsDocument,
      { bookingId: 14 },
      bearer("token-nobody"),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      bitrix: { error: "NO_AUTH_FOUND", status: 401 },
    });
  });
});
