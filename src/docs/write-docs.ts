import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { configurationReference } from "../config";
import { errorReference } from "../errors/error-reference";
import { projectRoot } from "../project-root";
import { admissionReference } from "../security/admission-rules";

/**
 * The references in docs/ that are derived from code. `npm run docs` rewrites them; with `--check`
 * it only says which are stale and exits 1 (a test does the same in `npm test`).
 */
export const GENERATED_DOCS: ReadonlyArray<{ path: string; render: () => string }> = [
  { path: "docs/configuration.md", render: configurationReference },
  { path: "docs/errors.md", render: errorReference },
  { path: "docs/admission.md", render: admissionReference },
];

function main(): void {
  const check = process.argv.includes("--check");
  const stale: string[] = [];
  for (const doc of GENERATED_DOCS) {
    const file = join(projectRoot(), doc.path);
    const wanted = doc.render();
    let current = "";
    try {
      current = readFileSync(file, "utf8");
    } catch {
      // Missing: stale.
    }
    if (current === wanted) continue;
    if (check) stale.push(doc.path);
    else writeFileSync(file, wanted);
  }
  if (stale.length > 0) {
    process.stderr.write(`Stale, run \`npm run docs\`: ${stale.join(", ")}\n`);
    process.exit(1);
  }
}

if (require.main === module) main();
