import express, { type RequestHandler, type Router } from "express";
import { checkDelivery } from "../events/event-delivery";
import type { ApplicationEvents } from "../app/application-runtime";
import type { LiveData } from "../events/live-data";
import { SecretSet } from "../security/secret-set";
import { bodyRefusals } from "./body-refusals";

export interface EventsRouteOptions {
  applicationTokens: readonly string[];
  maxBodyBytes: number;
  live: LiveData;
  /** Application mode: the installation's own token, and what its lifecycle events do. */
  application?: ApplicationEvents;
}

/**
 * POST /bitrix24/events: where Bitrix24 delivers booking events, once and without retry. It takes
 * form fields with PHP-style keys (as Bitrix24 sends them) or the same fields as JSON. A delivery
 * must carry one of the configured application tokens (compared in constant time; 401 otherwise)
 * and name one of the twelve booking events with a numeric ID (400 otherwise). It is answered once
 * the change is invalidated in the read cache (one Redis round trip, or kept for later while Redis is
 * away) and published: a read that starts after the 200 sees the change.
 * The router secret is not asked for: Bitrix24 calls this route directly.
 *
 * In application mode it also takes ONAPPUNINSTALL (the installation is removed) and ONOFFLINEEVENT
 * (the offline queue is drained), carrying the installation's application token.
 */
export function eventsRoute(options: EventsRouteOptions): Router {
  const configured = new SecretSet(options.applicationTokens);
  const installed = new Map<string, SecretSet>();
  const tokens = () => {
    const own = options.application?.applicationToken();
    if (own === undefined) return configured;
    let set = installed.get(own);
    if (!set) {
      installed.clear();
      installed.set(own, (set = new SecretSet([...options.applicationTokens, own])));
    }
    return set;
  };
  const { metrics } = options.live;
  const router = express.Router();
  router.post(
    "/",
    // Counted before the body is read, so that unreadable deliveries count as received too.
    (_req, _res, next) => {
      metrics?.recordEvent("received");
      next();
    },
    express.urlencoded({ extended: true, limit: options.maxBodyBytes, parameterLimit: 100 }),
    express.json({ limit: options.maxBodyBytes }),
    (req, res) => {
      const body: unknown = req.body;
      const token = (body as { auth?: { application_token?: unknown } } | undefined)?.auth
        ?.application_token;
      const accepted = tokens();
      if (accepted.size === 0 || !accepted.has(typeof token === "string" ? token : undefined)) {
        metrics?.recordEvent("unauthorized");
        res.status(401).json({
          error:
            accepted.size === 0
              ? "events are not accepted: no BITRIX24_APPLICATION_TOKEN is configured and no application is installed"
              : "auth[application_token] is missing or not one of BITRIX24_APPLICATION_TOKEN or the installation's",
        });
        return;
      }
      const event = (body as { event?: unknown }).event;
      const lifecycle = typeof event === "string" ? event.toUpperCase() : "";
      if (options.application && lifecycle === "ONOFFLINEEVENT") {
        options.application.signalled();
        res.status(200).json({ ok: true });
        return;
      }
      if (options.application && lifecycle === "ONAPPUNINSTALL") {
        options.application.uninstalled(token as string).then(
          () => res.status(200).json({ ok: true }),
          () => res.status(503).json({ error: "the installation store could not be written" }),
        );
        return;
      }
      const checked = checkDelivery(body);
      if (!checked.ok) {
        metrics?.recordEvent("refused");
        res.status(400).json({ error: checked.reason });
        return;
      }
      // receive() never rejects, and waits at most one Redis command timeout.
      void options.live.receive(checked.delivery).then(() => res.status(200).json({ ok: true }));
    },
  );
  router.use(bodyRefusals("MAX_EVENT_BODY_BYTES", () => metrics?.recordEvent("refused")));
  router.use(methodNotAllowed);
  return router;
}

const methodNotAllowed: RequestHandler = (_req, res) => {
  res.status(405).setHeader("allow", "POST").json({ error: "deliver events with POST" });
};
