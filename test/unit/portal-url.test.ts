import {
  isCleartextRemote,
  parsePortalUrl,
  parseWebhookUrl,
  redactPortalUrl,
} from "../../src/bitrix/portal-url";

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

describe("the webhook and portal URL forms, to the character", () => {
  it("takes a user id of several digits, and only the whole path", () => {
    expect(parseWebhookUrl("https://acme.bitrix24.de/rest/12/s3cr3t/").userId).toBe(12);
    for (const raw of [
      "https://acme.bitrix24.de/proxy/rest/1/s3cr3t/",
      "https://acme.bitrix24.de/rest/1/s3cr3t/extra",
    ]) {
      expect(() => parseWebhookUrl(raw)).toThrow(/must look like/);
    }
  });

  it("takes /rest without its trailing slash as the portal's endpoint", () => {
    expect(parsePortalUrl("https://acme.bitrix24.de/rest")).toBe("https://acme.bitrix24.de/rest/");
  });
});

describe("redactPortalUrl", () => {
  it("masks a webhook's secret, keeps a portal's path, and shows only the host of anything else", () => {
    expect(redactPortalUrl("https://acme.bitrix24.de/rest/12/s3cr3t/")).toBe(
      "https://acme.bitrix24.de/rest/12/***/",
    );
    expect(redactPortalUrl("https://acme.bitrix24.de/rest/")).toBe(
      "https://acme.bitrix24.de/rest/",
    );
    expect(redactPortalUrl("https://acme.bitrix24.de/api/s3cr3t")).toBe(
      "https://acme.bitrix24.de/…",
    );
  });

  it("masks a webhook pasted with a non-breaking space after it, as the gateway trims it", () => {
    expect(redactPortalUrl("https://acme.bitrix24.de/rest/1/s3cr3t/\u00a0")).toBe(
      "https://acme.bitrix24.de/rest/1/***/",
    );
  });

  it("shows nothing of a value with no host: it may be a secret in the wrong variable", () => {
    expect(redactPortalUrl("s3cr3t")).toBeUndefined();
    expect(redactPortalUrl("mailto:s3cr3t")).toBeUndefined();
  });
});

describe("isCleartextRemote", () => {
  it("counts http:// to loopback addresses and localhost as local", () => {
    for (const raw of [
      "http://127.0.0.1:4100/",
      "http://127.10.20.30/",
      "http://localhost/",
      "http://[::1]/",
    ]) {
      expect(isCleartextRemote(raw)).toBe(false);
    }
  });

  it("counts a host name that only starts like a loopback address as remote", () => {
    expect(isCleartextRemote("http://127.0.0.1.example.com/rest/1/s3cr3t/")).toBe(true);
    expect(isCleartextRemote("https://127.0.0.1.example.com/")).toBe(false);
  });

  it("sees the URL the gateway will use, trimmed of a non-breaking space that no URL parser takes", () => {
    expect(isCleartextRemote("http://acme.example\u00a0")).toBe(true);
  });
});
