import { SETTINGS } from "./settings";

/** Name, default in words and meaning of every setting, in declaration order. */
export const SETTING_ROWS: ReadonlyArray<{
  name: string;
  shownDefault: string;
  description: string;
}> = Object.entries(SETTINGS).map(([name, setting]) => ({
  name,
  shownDefault: setting.shownDefault,
  description: setting.description,
}));

/** What `node dist/src/index.js --help` prints. */
export function helpText(): string {
  const width = Math.max(...SETTING_ROWS.map(({ name }) => name.length)) + 2;
  const rows = SETTING_ROWS.map(
    ({ name, shownDefault, description }) =>
      `  ${name.padEnd(width)}${description}\n  ${"".padEnd(width)}default: ${shownDefault}`,
  );
  return `Usage: npm start\n\nEnvironment variables (name, meaning, default):\n${rows.join("\n")}\n`;
}

/** docs/configuration.md: generated from the declarations, never edited by hand. */
export function configurationReference(): string {
  const escape = (text: string) => text.replace(/\|/g, "\\|");
  const rows = SETTING_ROWS.map(
    ({ name, shownDefault, description }) =>
      `| \`${name}\` | ${shownDefault === "(unset)" ? "(unset)" : `\`${escape(shownDefault)}\``} | ${escape(description)} |`,
  );
  return [
    "# Configuration",
    "",
    "<!-- Generated from src/config/settings.ts by `npm run docs`; a test fails when it is stale. -->",
    "",
    "Every setting is an environment variable; `node dist/src/index.js --help` lists the same. A bad",
    "value stops the start with one line naming the variable, the rule and the value (credentials are",
    "masked), and a non-zero exit code. An empty variable counts as unset.",
    "",
    "| Variable | Default | Meaning |",
    "| --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
