import { phpGet, phpToString, phpUpperCaseKeys } from "../php-array";
import { PortalError } from "../portal-error";
import { type MethodGroup } from "./method";

/** The offline queue's reservation mode (event.offline.get with clear=0). */
const OFFLINE_EXTENDED = "rest_offline_extended";

/**
 * `feature.get` (CRestProvider::getFeature): whether the portal's plan has a feature, as
 * `{value: "Y"|"N"}`, for any caller. The demo portal knows rest_offline_extended (the
 * offlineExtended option); every other code, rest_auth_connector included, is "N", as on a
 * cloud portal for a feature it lacks.
 */
export const featureMethods: MethodGroup = {
  "feature.get": ({ params, application }) => {
    const code = phpToString(phpGet(phpUpperCaseKeys(params), "CODE"));
    if (code === "") throw new PortalError("CODE_EMPTY", "CODE can't be empty");
    const enabled = code === OFFLINE_EXTENDED && application.offlineExtended;
    return { result: { value: enabled ? "Y" : "N" } };
  },
};
