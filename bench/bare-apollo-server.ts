import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

/**
 * The baseline of scenario (d): what a user would write in an afternoon instead of the gateway. A bare
 * Apollo Server 5 with a few lines of schema and one `fetch` resolver for `booking.v1.booking.get`,
 * started with plain `node` as its own process. PORTAL_URL is the webhook URL to call.
 */
const portalUrl = process.env.PORTAL_URL;
if (!portalUrl) throw new Error("PORTAL_URL is required");

const typeDefs = `#graphql
  type Booking {
    id: Int!
    name: String
  }
  type Query {
    booking(id: Int!): Booking
  }
`;

const resolvers = {
  Query: {
    booking: async (_: unknown, args: { id: number }) => {
      const response = await fetch(`${portalUrl}booking.v1.booking.get`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: args.id }),
      });
      const body = (await response.json()) as { result?: { booking: unknown } };
      return body.result?.booking ?? null;
    },
  },
};

async function main(): Promise<void> {
  const server = new ApolloServer({ typeDefs, resolvers });
  const { url } = await startStandaloneServer(server, { listen: { port: 0 } });
  process.stdout.write(`Bare Apollo Server: ${url}\n`);
  process.once("SIGTERM", () => void server.stop().then(() => process.exit(0)));
}

void main();
