import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeServices as composeWithApollo } from "@apollo/composition";
import { composeServices as composeWithGuild } from "@theguild/federation-composition";
import { parse } from "graphql";
import { CRM_SUBGRAPH_SDL } from "../crm-subgraph/crm-subgraph";
import { execute } from "../helpers/graphql-http";

/** The committed subgraph SDL of this service. */
export const BOOKING_SUBGRAPH_SDL = readFileSync(
  join(__dirname, "..", "..", "schema", "booking.graphql"),
  "utf8",
);

export interface Subgraph {
  name: string;
  url: string;
  sdl: string;
}

export interface SubgraphUrls {
  booking: string;
  crm: string;
}

/** The booking subgraph (committed SDL) and the CRM test subgraph, at the given routing URLs. */
export function committedSubgraphs(urls: SubgraphUrls): Subgraph[] {
  return [
    { name: "booking", url: urls.booking, sdl: BOOKING_SUBGRAPH_SDL },
    { name: "crm", url: urls.crm, sdl: CRM_SUBGRAPH_SDL },
  ];
}

/** Each running subgraph's `_service { sdl }`, as `rover subgraph introspect` reads it. */
export async function introspectSubgraphs(urls: SubgraphUrls): Promise<Subgraph[]> {
  return Promise.all(
    (Object.entries(urls) as Array<[string, string]>).map(async ([name, url]) => {
      const result = await execute<{ _service: { sdl: string } }, never>(
        url,
        "{ _service { sdl } }",
      );
      if (!result.data) throw new Error(`${name} answered no SDL: ${JSON.stringify(result)}`);
      return { name, url, sdl: result.data._service.sdl };
    }),
  );
}

/** What both composition libraries take: name, routing URL and parsed SDL per subgraph. */
export function compositionInput(subgraphs: readonly Subgraph[]) {
  return subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) }));
}

/** The supergraph SDL by Apollo's composition (as rover or GraphOS builds it); throws on errors. */
export function apolloSupergraph(subgraphs: readonly Subgraph[]): string {
  const result = composeWithApollo(compositionInput(subgraphs));
  if (result.errors) throw new Error(result.errors.map(String).join("\n"));
  return result.supergraphSdl;
}

/** The supergraph SDL by The Guild's composition (as Hive's registry builds it); throws on errors. */
export function guildSupergraph(subgraphs: readonly Subgraph[]): string {
  const result = composeWithGuild(compositionInput(subgraphs));
  if (result.errors) throw new Error(result.errors.map(String).join("\n"));
  return result.supergraphSdl;
}
