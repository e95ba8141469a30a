import { parsePortalUrl, parseWebhookUrl } from "../../src/bitrix/portal-url";

describe("parseWebhookUrl", () => {
  it("accepts https and http webhook URLs, with or without the trailing slash", () => {
    expect(parseWebhookUrl("https://acme.bitrix24.de/rest/1/s3cr3t/")).toEqual({
      endpoint: "https://acme.bitrix24.de/rest/1/s3cr3t/",
      redacted: "https://acme.bitrix24.de/rest/1/***/",
      userId: 1,
    });
    expect(parseWebhookUrl("http://127.0.0.1:4100/rest/7/abc").endpoint).toBe(
      "http://127.0.0.1:4100/rest/7/abc/",
    );
  });

  it.each(["ftp://x/rest/1/s/", "https://x/rest/s/", "https://x/api/1/s/", "not a url"])(
    "rejects %s without echoing it",
    (raw) => {
      expect(() => parseWebhookUrl(raw)).toThrow(/must look like/);
      try {
        parseWebhookUrl(raw);
      } catch (error) {
        expect((error as Error).message).not.toContain(raw);
      }
    },
  );
});

describe("parsePortalUrl", () => {
  it("turns a portal origin into its OAuth REST endpoint", () => {
    expect(parsePortalUrl("https://acme.bitrix24.de")).toBe("https://acme.bitrix24.de/rest/");
    expect(parsePortalUrl("https://acme.bitrix24.de/rest/")).toBe("https://acme.bitrix24.de/rest/");
  });

  it("rejects a webhook URL given as a portal URL", () => {
    expect(() => parsePortalUrl("https://acme.bitrix24.de/rest/1/secret/")).toThrow(
      /must look like/,
    );
  });
});
