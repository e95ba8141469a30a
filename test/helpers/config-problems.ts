import { ConfigError, loadConfig } from "../../src/config";

/** The lines loadConfig refuses `env` with; none when it starts. */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
