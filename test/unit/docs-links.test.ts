import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");

/** The project's prose: the README and every page under docs/. */
function pages(): string[] {
  const docs = readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(ROOT, "docs", name));
  return [join(ROOT, "README.md"), ...docs];
}

describe("the docs' links", () => {
  it("all point at files inside the repository", () => {
    const broken: string[] = [];
    for (const page of pages()) {
      const text = readFileSync(page, "utf8");
      for (const match of text.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
        const link = match[1]!;
        if (/^[a-z]+:/i.test(link)) continue;
        const target = resolve(dirname(page), link);
        const inside = !relative(ROOT, target).startsWith("..");
        if (!inside || !existsSync(target)) broken.push(`${relative(ROOT, page)} → ${link}`);
      }
    }
    expect(pages().length).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  });
});
