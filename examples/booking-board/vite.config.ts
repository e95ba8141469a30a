import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The board talks to `/graphql` on its own origin, and Vite passes that on to the gateway (HTTP and
 * the graphql-ws WebSocket alike): no CORS setup, and the same code works behind any reverse proxy
 * that serves the built app and the gateway under one origin. GATEWAY_URL is set by scripts/start.mjs.
 */
const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  plugins: [react()],
  server: {
    host: "127.0.0.1",
    proxy: { "/graphql": { target: gateway, ws: true } },
  },
  preview: {
    host: "127.0.0.1",
    proxy: { "/graphql": { target: gateway, ws: true } },
  },
});
