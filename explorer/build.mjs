// Builds the offline explorer into explorer/dist: graphiql.js and graphiql.css (with the fonts they
// use), and the Monaco editor's three web workers. Run by `npm run build`; the output is not committed.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const outdir = join(root, "dist");
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2022",
  outdir,
  logLevel: "warning",
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { graphiql: join(root, "src", "main.tsx") },
    jsx: "automatic",
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "dataurl" },
    assetNames: "[name]-[hash]",
  }),
  build({
    ...common,
    entryPoints: {
      "editor.worker": "monaco-editor/esm/vs/editor/editor.worker.js",
      "json.worker": "monaco-editor/esm/vs/language/json/json.worker.js",
      "graphql.worker": "monaco-graphql/esm/graphql.worker.js",
    },
  }),
]);
