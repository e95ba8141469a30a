import { type Server } from "node:http";
import { type AddressInfo } from "node:net";
import { resolvePortalOptions, type DemoPortalOptions } from "./portal-options";
import { PortalRuntime } from "./portal-runtime";
import { createPortalServer } from "./server";
import { type DemoPortalStats } from "./stats";

export type { DemoPortalOptions } from "./portal-options";
export type { DemoPortalStats } from "./stats";
export type { PortalSeed } from "./seed";

/** A running in-memory Bitrix24 portal that speaks the booking.v1 REST protocol over HTTP. */
export interface DemoPortal {
  /** "http://127.0.0.1:<port>" */
  readonly origin: string;
  /** "http://127.0.0.1:<port>/rest/<userId>/<secret>/": append a method name to call it. */
  readonly webhookUrl: string;
  /** The same counters as GET /_demo/stats, as a detached copy. */
  stats(): DemoPortalStats;
  resetStats(): void;
  /** Stops listening and closes every connection, keep-alive ones included; safe to call twice. */
  close(): Promise<void>;
}

export async function startDemoPortal(options: DemoPortalOptions = {}): Promise<DemoPortal> {
  const settings = resolvePortalOptions(options);
  const runtime = new PortalRuntime(settings.auth, settings.seed, settings.onInternalError);
  const server = createPortalServer(runtime);
  await listen(server, settings.port, settings.host);

  const { port } = server.address() as AddressInfo;
  const origin = `http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}`;
  const { userId, secret } = settings.auth.webhook;
  return {
    origin,
    webhookUrl: `${origin}/rest/${userId}/${secret}/`,
    stats: () => runtime.stats.snapshot(),
    resetStats: () => runtime.stats.reset(),
    close: () => closeServer(server),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // close() alone waits for idle keep-alive sockets to time out; end them now.
    server.closeAllConnections();
  });
}
