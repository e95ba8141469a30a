// Typed documents for the board: `graphql()` in src/ is checked against the gateway's schema, and
// every operation is listed in src/gql/persisted-documents.json, the manifest the gateway trusts.
// `npm run codegen` rewrites src/gql/; the gateway's test suite fails when it is stale.
import {
  addTypenameSelectionDocumentTransform,
  type ClientPresetConfig,
} from "@graphql-codegen/client-preset";
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  // The gateway's schema as committed; a running gateway's URL (http://127.0.0.1:4000/graphql) works
  // too, in development, where introspection is on.
  schema: ["../../schema/booking.graphql", "../../schema/federation-directives.graphql"],
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        // The manifest's ids are sha256 of each document's text, the hash the gateway checks; the
        // documents keep their text too (`embedHashInDocument`), for the WebSocket and for logs.
        persistedDocuments: { hashAlgorithm: "sha256", mode: "embedHashInDocument" },
      } satisfies ClientPresetConfig,
      config: { useTypeImports: true, enumsAsTypes: true },
      // Apollo Client adds `__typename` to every selection before it sends a document; the manifest
      // must hold the text as sent, so it is added here first.
      documentTransforms: [addTypenameSelectionDocumentTransform],
    },
  },
  hooks: { afterAllFileWrite: ["prettier --write"] },
};

export default config;
