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
    expectGeneratedUpToDate({
      config: "codegen.yml",
      dir: ".",
      copies: ["codegen.yml", "schema", ".prettierrc.json", ".prettierignore", "package.json"],
      output: join("test", "generated"),
    });
  });

  it("the booking board's src/gql matches what its `npm run codegen` produces from codegen.ts", () => {
    const board = join("examples", "booking-board");
    expectGeneratedUpToDate({
      config: "codegen.ts",
      dir: board,
      // Its operations live beside its components; the manifest is what the gateway trusts.
      copies: ["schema", ".prettierrc.json", join(board, "codegen.ts"), join(board, "src")],
      output: join(board, "src", "gql"),
    });
  });
});

/**
 * Runs the real codegen CLI on `config` in a scratch copy of `copies` (paths from the root; `dir`
 * is where the CLI runs), so a stale checkout is detected without touching it, and compares the
 * files it writes to `output` with the committed ones.
 */
function expectGeneratedUpToDate(run: {
  config: string;
  dir: string;
  copies: string[];
  output: string;
}): void {
  const scratch = mkdtempSync(join(tmpdir(), "codegen-check-"));
  try {
    for (const entry of run.copies) {
      cpSync(join(ROOT, entry), join(scratch, entry), { recursive: true });
    }
    // Written afresh: a file the committed output has but codegen no longer writes must show.
    rmSync(join(scratch, run.output), { recursive: true, force: true });
    symlinkSync(join(ROOT, "node_modules"), join(scratch, "node_modules"));
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", ".bin", "graphql-codegen"), "--config", run.config],
      {
        cwd: join(scratch, run.dir),
        stdio: "pipe",
        env: {
          ...process.env,
          PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
        },
      },
    );
    const generated = join(scratch, run.output);
    const committed = join(ROOT, run.output);
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
}
