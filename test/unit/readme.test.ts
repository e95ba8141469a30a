import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const root = join(__dirname, "..", "..");
const pages = ["README.md", ...readdirSync(join(root, "docs")).map((name) => `docs/${name}`)];

describe("the README and docs/", () => {
  it("keep the README a newcomer's page: under 15 KB, the references in docs/", () => {
    expect(readFileSync(join(root, "README.md")).length).toBeLessThan(15 * 1024);
  });

  it.each(pages)("%s links only to files that exist", (page) => {
    const text = readFileSync(join(root, page), "utf8");
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^[a-z]+:/.test(target));
    for (const target of targets) {
      expect(existsSync(join(root, dirname(page), target)) ? target : `missing: ${target}`).toBe(
        target,
      );
    }
  });
});
