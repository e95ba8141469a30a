import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_DOCS } from "../../src/docs/write-docs";

const root = join(__dirname, "..", "..");

describe("the references generated from code", () => {
  it.each(GENERATED_DOCS.map((doc) => [doc.path, doc] as const))(
    "%s is what the code renders now (run `npm run docs` after changing it)",
    (_path, doc) => {
      expect(readFileSync(join(root, doc.path), "utf8")).toBe(doc.render());
    },
  );
});
