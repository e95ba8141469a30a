import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse as parseYaml } from "yaml";
import { CONTEXT } from "../helpers/dockerfile";

const run = promisify(execFile);

describe("the compose file's router", () => {
  it("serves the supergraph composed from the committed subgraph SDL (npm run schema writes it)", async () => {
    const check = await run(process.execPath, [
      join(CONTEXT, "scripts", "write-supergraph.mjs"),
      "--check",
    ]).then(
      () => "current",
      (error: Error & { stdout?: string }) => error.stdout ?? error.message,
    );
    expect(check).toBe("current");
  });

  it("is the Hive Gateway version this project tests with (the @graphql-hive/gateway devDependency)", () => {
    const compose = parseYaml(readFileSync(join(CONTEXT, "deploy", "compose.yaml"), "utf8"), {
      merge: true,
    }) as { services: { router: { image: string } } };
    const manifest = JSON.parse(readFileSync(join(CONTEXT, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(compose.services.router.image).toBe(
      `ghcr.io/graphql-hive/gateway:${manifest.devDependencies["@graphql-hive/gateway"]}`,
    );
  });
});
