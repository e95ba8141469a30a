import type { Socket } from "node:net";
import type { WebSocket } from "ws";

/**
 * Makes the frames a connection sends in one turn of the event loop leave in one write. One change
 * reaches the 50 subscriptions a connection may hold as 50 frames; `ws` writes each frame on its own,
 * a system call apiece, and at 10,000 subscribers those calls were the largest single share of a
 * replica's time in the fan-out's CPU profile. Corking the connection's TCP socket until the turn
 * ends (setImmediate) gathers them into one: nothing waits longer than the turn that sent it.
 */
export function batchWritesPerTurn(socket: WebSocket): void {
  // `ws` keeps the TCP socket in `_socket` (its own name, not public API): without it, nothing changes.
  const tcp = (socket as unknown as { _socket?: Socket })._socket;
  if (typeof tcp?.cork !== "function") return;
  const send = socket.send.bind(socket);
  let corked = false;
  socket.send = ((...args: Parameters<WebSocket["send"]>) => {
    if (!corked) {
      corked = true;
      tcp.cork();
      setImmediate(() => {
        corked = false;
        tcp.uncork();
      });
    }
    send(...args);
  }) as WebSocket["send"];
}
