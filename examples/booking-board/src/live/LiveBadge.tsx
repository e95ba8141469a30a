import { useConnectionState } from "./connection";

const LABELS = { connecting: "connecting…", live: "live", offline: "offline, reconnecting…" };

/** Whether changes are arriving: the graphql-ws connection's state. */
export function LiveBadge() {
  const state = useConnectionState();
  return (
    <span className={`live-badge live-${state}`} role="status" aria-label="live updates">
      {LABELS[state]}
    </span>
  );
}
