import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGatewaySchema } from "../../src/subgraph/build-schema";
import { checkSchema, resolveBase } from "../../src/subgraph/check-schema";
import {
  compareSchemas,
  parseAnnouncements,
  subgraphSchemaFromSdl,
} from "../../src/subgraph/schema-diff";

const ROOT = join(__dirname, "..", "..");
const COMMITTED = readFileSync(join(ROOT, "schema", "booking.graphql"), "utf8");

/** The committed schema as it would have been with one more Booking field, which the code dropped. */
const WITH_LEGACY_FIELD = COMMITTED.replace(
  '  """Booking id."""\n  id: Int!\n',
  '  """Booking id."""\n  id: Int!\n\n  legacyCode: String\n',
);

describe("schema:check", () => {
  let scratch: string;
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), "schema-check-"));
    lines.length = 0;
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  function write(name: string, content: string): string {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
  }

  it("finds no change between the committed schema and the code", async () => {
    const comparison = await compareSchemas(
      subgraphSchemaFromSdl(COMMITTED),
      await buildGatewaySchema(),
      [],
    );
    expect(comparison).toEqual({ unannounced: [], announced: [], dangerous: [], safe: [] });
  });

  it("reports a removed field as an unannounced breaking change at its coordinate", async () => {
    expect(WITH_LEGACY_FIELD).not.toBe(COMMITTED);
    const comparison = await compareSchemas(
      subgraphSchemaFromSdl(WITH_LEGACY_FIELD),
      await buildGatewaySchema(),
      [],
    );
    expect(comparison.unannounced).toEqual([
      expect.objectContaining({ type: "FIELD_REMOVED", path: "Booking.legacyCode" }),
    ]);
  });

  it("lets an announced breaking change pass, matching coordinate and (when given) type", async () => {
    const base = subgraphSchemaFromSdl(WITH_LEGACY_FIELD);
    const working = await buildGatewaySchema();
    const reason = "Replaced by externalData; announced in CHANGELOG 0.4";
    const announced = await compareSchemas(base, working, [
      { coordinate: "Booking.legacyCode", type: "FIELD_REMOVED", reason },
    ]);
    expect(announced.unannounced).toEqual([]);
    expect(announced.announced).toHaveLength(1);
    const wrongType = await compareSchemas(base, working, [
      { coordinate: "Booking.legacyCode", type: "FIELD_TYPE_CHANGED", reason },
    ]);
    expect(wrongType.unannounced).toHaveLength(1);
  });

  it("exits 0 against an unchanged schema file", async () => {
    expect(await checkSchema([write("base.graphql", COMMITTED)], io, ROOT)).toBe(0);
    expect(lines.at(-1)).toBe(
      "0 unannounced breaking, 0 announced breaking, 0 dangerous, 0 safe change(s)",
    );
  });

  it("exits 1 on an unannounced breaking change, naming it", async () => {
    const code = await checkSchema([write("base.graphql", WITH_LEGACY_FIELD)], io, ROOT);
    expect(code).toBe(1);
    expect(lines).toContainEqual(
      expect.stringMatching(/BREAKING {2}FIELD_REMOVED {2}Booking\.legacyCode/),
    );
  });

  it("exits 0 when the change is announced in the announcements file", async () => {
    const announcements = write(
      "breaking-changes.json",
      JSON.stringify({
        announced: [{ coordinate: "Booking.legacyCode", reason: "Announced in CHANGELOG 0.4" }],
      }),
    );
    const base = write("base.graphql", WITH_LEGACY_FIELD);
    expect(await checkSchema([base, "--announcements", announcements], io, ROOT)).toBe(0);
    expect(lines).toContainEqual(expect.stringContaining("announced breaking  FIELD_REMOVED"));
  });

  it("exits 2 when the base cannot be read, and 0 with a note under --allow-missing-base", async () => {
    const missing = join(scratch, "none.graphql");
    expect(await checkSchema([missing], io, ROOT)).toBe(2);
    expect(await checkSchema([missing, "--allow-missing-base"], io, ROOT)).toBe(0);
    expect(lines.at(-1)).toMatch(/^schema:check: skipped, no schema at .*none\.graphql/);
  });

  it("reads a file, a git revision's schema/booking.graphql, or <revision>:<path>", () => {
    expect(resolveBase("schema/booking.graphql", ROOT)).toEqual({
      kind: "file",
      path: join(ROOT, "schema", "booking.graphql"),
    });
    expect(resolveBase("/tmp/old.graphql", ROOT)).toEqual({
      kind: "file",
      path: "/tmp/old.graphql",
    });
    expect(resolveBase("HEAD~1", ROOT)).toEqual({
      kind: "git",
      revision: "HEAD~1",
      path: "schema/booking.graphql",
    });
    expect(resolveBase("origin/main:schema/old.graphql", ROOT)).toEqual({
      kind: "git",
      revision: "origin/main",
      path: "schema/old.graphql",
    });
  });

  it("checks the committed announcements file and refuses an entry without a reason", () => {
    const committed = join(ROOT, "schema", "breaking-changes.json");
    expect(() => parseAnnouncements(readFileSync(committed, "utf8"), committed)).not.toThrow();
    expect(() =>
      parseAnnouncements(JSON.stringify({ announced: [{ coordinate: "Booking.name" }] }), "x.json"),
    ).toThrow("x.json: announced[0].reason must say why, and where consumers were told");
    expect(() => parseAnnouncements("[]", "x.json")).toThrow(
      'x.json: must be an object with an "announced" array',
    );
  });
});
