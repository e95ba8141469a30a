import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildGatewaySchema, printGatewaySdl } from "../../src/subgraph/build-schema";

const ROOT = join(__dirname, "..", "..");

describe("committed schema artifacts", () => {
  it("schema/booking.graphql matches the schema the code builds (run `npm run schema`)", async () => {
    const committed = readFileSync(join(ROOT, "schema", "booking.graphql"), "utf8");
    expect(printGatewaySdl(await buildGatewaySchema())).toBe(committed);
  });

  it("test/generated matches what `npm run codegen` produces from codegen.yml", () => {
    // Run the real codegen CLI in a scratch copy, so a stale checkout is detected without touching it.
    const scratch = mkdtempSync(join(tmpdir(), "codegen-check-"));
    try {
      for (const entry of [
        "codegen.yml",
        "schema",
        ".prettierrc.json",
        ".prettierignore",
        "package.json",
      ]) {
        cpSync(join(ROOT, entry), join(scratch, entry), { recursive: true });
      }
      symlinkSync(join(ROOT, "node_modules"), join(scratch, "node_modules"));
      execFileSync(
        process.execPath,
        [join(ROOT, "node_modules", ".bin", "graphql-codegen"), "--config", "codegen.yml"],
        {
          cwd: scratch,
          stdio: "pipe",
          env: {
            ...process.env,
            PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
          },
        },
      );
      const generated = join(scratch, "test", "generated");
      const committed = join(ROOT, "test", "generated");
      expect(readdirSync(committed).sort()).toEqual(readdirSync(generated).sort());
      for (const file of readdirSync(generated)) {
        expect({ file, content: readFileSync(join(committed, file), "utf8") }).toEqual({
          file,
          content: readFileSync(join(generated, file), "utf8"),
        });
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
