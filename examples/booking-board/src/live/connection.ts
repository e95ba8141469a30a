import { useSyncExternalStore } from "react";

export type ConnectionState = "connecting" | "live" | "offline";

/** Whether the graphql-ws connection that carries live changes is up, for the header's badge. */
function createConnectionStore() {
  let state: ConnectionState = "connecting";
  const listeners = new Set<() => void>();
  return {
    set: (next: ConnectionState) => {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    get: () => state,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export const connection = createConnectionStore();

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.get);
}
