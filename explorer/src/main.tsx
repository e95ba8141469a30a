// The offline explorer: GraphiQL, bundled ahead of time (npm run build:explorer) and served by the
// gateway itself at /explorer/, so that nothing is loaded from a CDN. The page that loads it
// (src/explorer/graphiql-page.ts) passes the example operations and headers as JSON.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createRoot } from "react-dom/client";

interface ExplorerSettings {
  /** One tab per example operation file, the seed example first. */
  tabs: { query: string }[];
  /** Headers the configured auth mode needs, with placeholder values, as JSON text. */
  headers: string;
}

// Monaco's language services run in web workers, built beside this bundle by explorer/build.mjs.
const base = new URL(".", (document.currentScript as HTMLScriptElement).src);
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const name = label === "json" || label === "graphql" ? label : "editor";
    return new Worker(new URL(`${name}.worker.js`, base));
  },
};

const settings = JSON.parse(
  document.getElementById("explorer-settings")?.textContent ?? "{}",
) as ExplorerSettings;
const url = new URL("/graphql", location.origin);
const subscriptionUrl = new URL(url);
subscriptionUrl.protocol = location.protocol === "https:" ? "wss:" : "ws:";

const fetcher = createGraphiQLFetcher({
  url: url.href,
  subscriptionUrl: subscriptionUrl.href,
});

createRoot(document.getElementById("graphiql")!).render(
  <GraphiQL fetcher={fetcher} defaultTabs={settings.tabs} defaultHeaders={settings.headers} />,
);
