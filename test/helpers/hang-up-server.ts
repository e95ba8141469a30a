import { createServer, type Socket } from "node:net";

/** Something listening where Redis should be that is no Redis: it hangs up on every connection. */
export interface HangUpServer {
  /** A redis:// URL that points at it. */
  readonly url: string;
  /** Connections it took (and hung up on) so far: a client's attempts to connect. */
  attempts(): number;
  close(): Promise<void>;
}

/**
 * Redis that is away, counted: each connection is taken and closed at once, so that a test can count
 * a client's attempts, which a closed port (refused before anything sees it) would not let it do.
 */
export async function startHangUpServer(): Promise<HangUpServer> {
  let attempts = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    attempts += 1;
    sockets.add(socket);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    attempts: () => attempts,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
