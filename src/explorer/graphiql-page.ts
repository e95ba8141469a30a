import { join } from "node:path";
import type { ApolloServerPlugin } from "@apollo/server";
import { exampleOperationDocuments } from "../landing-page";
import { projectRoot } from "../project-root";

/** Where the gateway serves the explorer's bundle from (see explorer/build.mjs). */
export const EXPLORER_PATH = "/explorer";

/** The built bundle: explorer/dist, written by `npm run build:explorer` (part of `npm run build`). */
export function explorerBundleFolder(): string {
  return join(projectRoot(), "explorer", "dist");
}

/**
 * GraphiQL as the landing page of GET /graphql: a page that loads the gateway's own bundle (no CDN,
 * no fonts from elsewhere, so it works without internet), with one tab per example operation of
 * schema/operations (the seed example first), subscriptions over graphql-ws on the same URL, and
 * the header the configured auth mode needs.
 */
export function graphiqlLandingPagePlugin(options: {
  /** Headers a caller must send, e.g. `Authorization` in OAuth mode, with placeholder values. */
  headers: Record<string, string>;
}): ApolloServerPlugin {
  const settings = {
    tabs: exampleOperationDocuments().map((query) => ({ query })),
    headers:
      Object.keys(options.headers).length > 0 ? JSON.stringify(options.headers, null, 2) : "",
  };
  const html = graphiqlPage(settings);
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}

function graphiqlPage(settings: unknown): string {
  // `<` escaped, so that no operation text can close the script element.
  const json = JSON.stringify(settings).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>GraphiQL · Bitrix24 booking gateway</title>
    <link rel="stylesheet" href="${EXPLORER_PATH}/graphiql.css" />
    <style>body { margin: 0; } #graphiql { height: 100dvh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL… If this stays, the explorer's bundle is missing: run <code>npm run build:explorer</code>.</div>
    <script id="explorer-settings" type="application/json">${json}</script>
    <script src="${EXPLORER_PATH}/graphiql.js"></script>
  </body>
</html>
`;
}
