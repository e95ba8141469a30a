import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ENVIRONMENT } from "../../src/config";
import { ErrorCode } from "../../src/errors/error-code";

const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
const section = (title: string) => {
  const start = readme.indexOf(`## ${title}`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
};

describe("the README keeps a newcomer's reference current", () => {
  it.each(ENVIRONMENT.map(([name]) => name))("documents %s in the configuration table", (name) => {
    expect(section("Configuration")).toContain(`| \`${name}\``);
  });

  it.each(Object.values(ErrorCode))("lists %s in the error catalog", (code) => {
    expect(section("Errors")).toContain(`\`${code}\``);
  });
});
