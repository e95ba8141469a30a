import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

const SRC = resolve(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** A file's folder directly under src/, or the file itself when it sits at src/'s root. */
function unitOf(path: string): string {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? `${parts[0]}/` : parts[0]!.replace(/\.ts$/, "");
}

function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this shape of module path; try the next
    }
  }
  return base;
}

/** Each source file with the paths (relative to src/) or package names it imports. */
function importsByFile(): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    imports.set(
      relative(SRC, file),
      importedFiles.map(({ fileName }) =>
        fileName.startsWith(".") ? relative(SRC, resolveImport(file, fileName)) : fileName,
      ),
    );
  }
  return imports;
}

function unitGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = unitOf(file);
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const to = unitOf(resolveImport(file, fileName));
      if (to !== from) targets.add(to);
    }
  }
  return graph;
}

/** Strongly connected groups of more than one unit: each is a cycle between folders. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (unit: string): void => {
    index.set(unit, index.size);
    low.set(unit, index.get(unit)!);
    stack.push(unit);
    for (const next of graph.get(unit) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(unit, Math.min(low.get(unit)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(unit, Math.min(low.get(unit)!, index.get(next)!));
      }
    }
    if (low.get(unit) !== index.get(unit)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== unit);
    if (group.length > 1) found.push(group.sort());
  };
  for (const unit of graph.keys()) if (!index.has(unit)) visit(unit);
  return found;
}

describe("the source tree", () => {
  it("has no import cycle between folders under src/", () => {
    const graph = unitGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(cycles(graph)).toEqual([]);
  });

  it("lets only the services read the portal's APIs and hold per-request loaders", () => {
    const offenders: string[] = [];
    for (const [file, imports] of importsByFile()) {
      if (file.startsWith(`services${sep}`) || file.startsWith(`bitrix${sep}`)) continue;
      for (const target of imports) {
        if (target === "dataloader" || /^bitrix[\\/].*-api\.ts$/.test(target)) {
          offenders.push(`${file} imports ${target}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keeps the composition root readable: every function of src/server.ts fits on a screen", () => {
    const path = join(SRC, "server.ts");
    const source = ts.createSourceFile(
      path,
      readFileSync(path, "utf8"),
      ts.ScriptTarget.ES2022,
      true,
    );
    const long: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isFunctionDeclaration(node) && node.name) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (end - start + 1 > 60) long.push(`${node.name.text}: ${end - start + 1} lines`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(long).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const graph = new Map([
      ["a/", new Set(["b/"])],
      ["b/", new Set(["c/"])],
      ["c/", new Set(["a/"])],
      ["d/", new Set(["a/"])],
    ]);
    expect(cycles(graph)).toEqual([["a/", "b/", "c/"]]);
  });
});
