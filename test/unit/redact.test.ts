import { redactedSetting } from "../../src/config/redact";
import { problemsOf } from "../helpers/config-problems";

describe("a setting's value as a configuration error shows it", () => {
  it("masks a server URL's password and the parameters that may carry one, and nothing else", () => {
    expect(
      redactedSetting(
        "DATABASE_URL",
        "postgres://gateway:hunter2@db:5432/b24gw?sslmode=require&password=hunter2#frag",
      ),
    ).toBe('"postgres://gateway:***@db:5432/b24gw?sslmode=require&password=***"');
    expect(redactedSetting("REDIS_URL", "redis://hunter2@cache:6379/0")).toBe(
      '"redis://***@cache:6379/0"',
    );
  });

  it("shows nothing of a URL-shaped value without a host", () => {
    expect(redactedSetting("REDIS_URL", "redis:hunter2")).toBe("(not a URL)");
    expect(redactedSetting("DATABASE_URL", "postgres:hunter2")).toBe("(not a URL)");
  });

  it("trims a value before reading it as a URL, as the gateway does", () => {
    expect(redactedSetting("DATABASE_URL", "postgres://gateway:hunter2@db/b24gw\u00a0")).toBe(
      '"postgres://gateway:***@db/b24gw"',
    );
  });

  it("says a setting is unset, hides a secret whole, and quotes the rest", () => {
    expect(redactedSetting("BITRIX24_APP_ID", undefined)).toBe("(unset)");
    expect(redactedSetting("BITRIX24_APP_SECRET", "hunter2")).toBe("***");
    expect(redactedSetting("LOG_LEVEL", "loud")).toBe('"loud"');
    // An issue of no single setting names none that the table knows.
    expect(redactedSetting("", "x")).toBe('"x"');
  });

  it("is what a configuration error shows", () => {
    expect(problemsOf({ DATABASE_URL: "mysql://gateway:hunter2@db/b24gw" })).toEqual([
      expect.stringMatching(/^DATABASE_URL: .* \(got "mysql:\/\/gateway:\*\*\*@db\/b24gw"\)$/),
    ]);
  });
});
