export {
  configSecrets,
  ConfigError,
  ENVIRONMENT_SCHEMA,
  loadConfig,
  READ_VARIABLES,
  type ApplicationSettings,
  type AuthSettings,
  type Config,
  type LimitSettings,
  type PortalConfig,
  type PortalSetting,
} from "./load-config";
export { configurationReference, helpText, SETTING_ROWS } from "./reference";
export { SETTINGS } from "./settings";
