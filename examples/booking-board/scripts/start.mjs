// The example's one command (`npm run example` from the project root): the gateway on the embedded
// demo portal, with the board's operations as its trusted documents, and the board in Vite's dev
// server in front of it. With GATEWAY_URL set, the board uses that gateway and starts none.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";

const board = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const project = resolve(board, "../..");
const manifest = join(board, "src", "gql", "persisted-documents.json");
/** The day of the demo portal's booking 14, the one the docs and tests use. */
const DEMO_DAY = "2026-03-03";

const gateway = process.env.GATEWAY_URL ? undefined : startGateway();
const { url: gatewayUrl, demo } = gateway
  ? await gateway.listening
  : { url: process.env.GATEWAY_URL, demo: false };

// vite.config.ts reads it: Vite passes /graphql (HTTP and WebSocket) on to this origin.
process.env.GATEWAY_URL = new URL(gatewayUrl).origin;
const server = await createServer({
  root: board,
  configFile: join(board, "vite.config.ts"),
  clearScreen: false,
  server: { port: Number(process.env.BOARD_PORT ?? 5173), strictPort: true },
});
await server.listen();
const address = server.httpServer.address();
const boardUrl = `http://127.0.0.1:${address.port}/${demo ? `?day=${DEMO_DAY}` : ""}`;
process.stdout.write(`Booking board: ${boardUrl}\n`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    void server.close().then(() => {
      // The gateway's exit ends this process (see startGateway); without one, nothing is left.
      if (gateway) gateway.stop();
      else process.exit(0);
    });
  });
}

/**
 * `node dist/src/index.js` (built by `npm run build`), its output passed through; resolves with the
 * URL it prints once it listens. Trusted documents are logged, not enforced, by default, so that the
 * explorer can run any operation beside the board: TRUSTED_DOCUMENTS=enforce refuses every other one.
 */
function startGateway() {
  const entry = join(project, "dist", "src", "index.js");
  if (!existsSync(entry)) {
    process.stderr.write("The gateway is not built: run `npm run build` at the project root.\n");
    process.exit(1);
  }
  const child = spawn(process.execPath, [entry], {
    cwd: project,
    env: { TRUSTED_DOCUMENTS: "log", TRUSTED_DOCUMENTS_FILE: manifest, ...process.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stopping = false;
  child.on("exit", (code, signal) => {
    if (stopping) return process.exit(0);
    // The gateway refused to start (a port in use, a bad setting) or stopped: so does the board.
    process.stderr.write(`The gateway exited (${signal ?? `code ${code}`}).\n`);
    process.exit(code || 1);
  });
  // Without a portal of its own, the gateway starts the embedded demo portal.
  const demo = !process.env.BITRIX24_WEBHOOK_URL && !process.env.BITRIX24_PORTAL_URL;
  /** @type {Promise<{ url: string; demo: boolean }>} */
  const listening = new Promise((resolveListening) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      process.stdout.write(`${line}\n`);
      const endpoint = /^GraphQL endpoint[^:]*: (\S+)/.exec(line);
      if (endpoint?.[1]) resolveListening({ url: endpoint[1], demo });
    });
  });
  return {
    listening,
    stop() {
      stopping = true;
      child.kill("SIGTERM");
    },
  };
}
