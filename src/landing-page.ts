import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import { projectRoot } from "./project-root";

/** The first operation Sandbox shows: the seed example of the Bitrix24 docs. */
const SEED_OPERATION = "SetBookingClients.graphql";

/**
 * Apollo Sandbox for development: it opens with every example operation of schema/operations (the seed
 * example first) and with the header the configured auth mode needs, so a newcomer can run them as
 * they are. In production the landing page says only that this is a GraphQL endpoint.
 */
export function landingPagePlugin(options: {
  production: boolean;
  /** Headers a caller must send, e.g. `Authorization` in OAuth mode, with placeholder values. */
  headers: Record<string, string>;
}): ApolloServerPlugin {
  if (options.production) return ApolloServerPluginLandingPageProductionDefault({ footer: false });
  return ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    document: exampleOperations(),
    ...(Object.keys(options.headers).length > 0 && { headers: options.headers }),
  });
}

function exampleOperations(): string {
  return exampleOperationDocuments().join("\n\n");
}

/** The text of each file of schema/operations, the seed example first. */
export function exampleOperationDocuments(): string[] {
  const folder = join(projectRoot(), "schema", "operations");
  const files = readdirSync(folder)
    .filter((file) => file.endsWith(".graphql"))
    .sort((a, b) => (a === SEED_OPERATION ? -1 : b === SEED_OPERATION ? 1 : a.localeCompare(b)));
  return files.map((file) => readFileSync(join(folder, file), "utf8").trim());
}
