import { oauthTokensFromEnvironment } from "../../src/demo-portal/oauth-tokens-setting";

describe("the standalone portal's DEMO_PORTAL_OAUTH_TOKENS", () => {
  it("reads <token>:<user id> pairs", () => {
    expect(oauthTokensFromEnvironment("anna-token-0001:5, boris.token_02:7")).toEqual({
      "anna-token-0001": 5,
      "boris.token_02": 7,
    });
    expect(oauthTokensFromEnvironment(undefined)).toBeUndefined();
    expect(oauthTokensFromEnvironment(" ")).toBeUndefined();
  });

  it.each([
    "short:1",
    "anna-token-0001",
    "anna-token-0001:0",
    "anna-token-0001:x",
    "a b c d e f:1",
  ])("refuses %j with the rule, never echoing the token", (raw) => {
    expect(() => oauthTokensFromEnvironment(raw)).toThrow(/"<token>:<user id>" pairs/);
    try {
      oauthTokensFromEnvironment(raw);
    } catch (error) {
      expect((error as Error).message).not.toContain(raw.split(":")[0]);
    }
  });
});
