import express, { type Router } from "express";
import type { InstallHandling } from "../app/application-runtime";
import { readInstallCall } from "../app/install-call";
import type { Installation } from "../app/installation";
import type { Clock } from "../clock";
import type { Logger } from "../logger";
import { bodyRefusals } from "./body-refusals";

export interface InstallRouteOptions extends InstallHandling {
  maxBodyBytes: number;
  clock: Clock;
  logger: Logger;
}

/**
 * POST /bitrix24/install: the install handler Bitrix24 calls once the application is installed on
 * the portal (its "initial installation path"), with the installation's tokens. It is answered 200
 * once they are checked against the configured portal and stored; 400 for a call that is not an
 * install call, 403 when the portal does not accept the token. Nothing in an answer or a log line
 * quotes a token.
 */
export function installRoute(options: InstallRouteOptions): Router {
  const router = express.Router();
  router.post(
    "/",
    express.urlencoded({ extended: true, limit: options.maxBodyBytes, parameterLimit: 100 }),
    express.json({ limit: options.maxBodyBytes }),
    (req, res, next) => {
      const checked = readInstallCall(req.body, options.clock.now());
      if (!checked.ok) {
        res.status(400).json({ error: `not an install call: ${checked.reason}` });
        return;
      }
      const installation: Installation = {
        ...checked.installation,
        clientEndpoint: options.restEndpoint,
        domain: new URL(options.restEndpoint).host,
      };
      options
        .verify(installation.accessToken)
        .then(async (accepted) => {
          if (!accepted) {
            options.logger.warn("application: an install call's token was refused by the portal");
            res.status(403).json({ error: "the portal does not accept this installation's token" });
            return;
          }
          await options.session.install(installation);
          options.installed();
          res.status(200).json({ status: "installed" });
        })
        .catch(next);
    },
  );
  router.use(bodyRefusals("MAX_EVENT_BODY_BYTES"));
  router.use((_req, res) => {
    res.status(405).setHeader("allow", "POST").json({ error: "install with POST" });
  });
  return router;
}
