import { createLogger } from "../../src/logger";

/** A logger at `info` whose lines the test reads back, parsed. */
function collected(secrets?: readonly string[]) {
  const lines: string[] = [];
  const logger = createLogger("info", {
    ...(secrets && { secrets }),
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as unknown) };
}

describe("the logger", () => {
  it("masks credentials by path: authorization and router secret headers, webhook URLs, tokens", () => {
    const { logger, parsed } = collected();
    logger.info(
      {
        req: { headers: { authorization: "Bearer a", "x-router-secret": "b", accept: "*/*" } },
        headers: { authorization: "Bearer c", "x-router-secret": "d" },
        authorization: "Bearer e",
        webhookUrl: "https://p/rest/1/f/",
        portal: { webhookUrl: "https://p/rest/1/g/", accessToken: "h", token: "i" },
        accessToken: "j",
        token: "k",
      },
      "a request",
    );
    expect(parsed()).toEqual([
      expect.objectContaining({
        req: { headers: { authorization: "***", "x-router-secret": "***", accept: "*/*" } },
        headers: { authorization: "***", "x-router-secret": "***" },
        authorization: "***",
        webhookUrl: "***",
        portal: { webhookUrl: "***", accessToken: "***", token: "***" },
        accessToken: "***",
        token: "***",
        msg: "a request",
      }),
    ]);
  });

  it("scrubs every secret from every line, whatever the path, also as JSON escapes it", () => {
    const { logger, lines } = collected(["s3cr3t-token", 'with"quote', "abcd", "abc"]);
    logger.info({ detail: "failed with s3cr3t-token" }, "call s3cr3t-token");
    logger.warn({ echoed: 'a with"quote b' }, "abcd and abc");
    expect(lines.join("")).not.toMatch(/s3cr3t-token|with\\"quote|abcd/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ detail: "failed with ***", msg: "call ***" });
    // A secret shorter than four characters would match ordinary text: it is not looked for.
    expect(JSON.parse(lines[1]!)).toMatchObject({ echoed: "a *** b", msg: "*** and abc" });
  });
});
