import type { ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { Handler, HttpRequest } from "./handler-chain";

/**
 * Hands a request whose body is parsed to Apollo Server (its integration API,
 * `executeHTTPGraphQLRequest`) and writes Apollo's answer: whole, or chunk by chunk for incremental
 * delivery. A response already under way (the deadline's 504) is left alone.
 */
export function apolloHandler<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  context: (req: HttpRequest) => Promise<Context>,
): Handler {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = req.url ?? "";
    const query = url.indexOf("?");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? "GET").toUpperCase(),
        headers,
        search: query < 0 ? "" : url.slice(query),
        body: req.body,
      },
      context: () => context(req),
    });
    if (res.headersSent) return;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    await writeChunks(res, response.body.asyncIterator);
  };
}

async function writeChunks(res: ServerResponse, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) res.write(chunk);
  res.end();
}
