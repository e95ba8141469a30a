import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildGatewaySchema, printGatewaySdl } from "./build-schema";

/** `npm run schema`: writes the subgraph SDL that is committed as schema/booking.graphql. */
export const SCHEMA_FILE = join(__dirname, "..", "..", "..", "schema", "booking.graphql");

async function main(): Promise<void> {
  const sdl = printGatewaySdl(await buildGatewaySchema());
  writeFileSync(SCHEMA_FILE, sdl);
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}

void main();
