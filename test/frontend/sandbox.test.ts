import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startStack, type TestStack } from "../helpers/gateway";

const OPERATIONS = join(__dirname, "..", "..", "schema", "operations");

/** Every operation name declared in schema/operations/, e.g. "SetBookingClients". */
function exampleOperationNames(): string[] {
  return readdirSync(OPERATIONS)
    .filter((file) => file.endsWith(".graphql"))
    .flatMap((file) =>
      [...readFileSync(join(OPERATIONS, file), "utf8").matchAll(/^(?:query|mutation) (\w+)/gm)].map(
        (match) => match[1]!,
      ),
    );
}

describe("Apollo Sandbox landing page", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ env: { EXPLORER: "sandbox" } });
  });
  afterAll(() => stack.stop());

  it("opens a browser's GET /graphql on Sandbox preloaded with every example operation", async () => {
    const response = await fetch(stack.gateway.url, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("embeddable-sandbox");
    for (const name of [
      "SetBookingClients",
      "BookingsWithResources",
      "BookingExternalData",
      "BookingCrmReferences",
      "BookingClientIds",
    ]) {
      expect(html).toMatch(new RegExp(`(query|mutation) ${name}\\b`));
    }
    const names = exampleOperationNames();
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !html.includes(name))).toEqual([]);
  });
});
