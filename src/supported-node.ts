/**
 * The Node.js lines this project runs on, checked first thing by each process entry (imported before
 * anything else). Node 20 is past its end of life, and 22 lacks what current dependencies declare
 * (`@whatwg-node/promise-helpers`, reached through Apollo Server, wants 22.15): CI tests 24 and 26.
 * Refusing at start, in one line, beats failing later inside a dependency with an error that names
 * neither.
 */
export const OLDEST_SUPPORTED_NODE = 24;

/** Why Node.js `version` (e.g. "20.20.2") cannot run this project, or undefined when it can. */
export function unsupportedNode(version: string): string | undefined {
  const major = Number(version.split(".")[0]);
  if (major >= OLDEST_SUPPORTED_NODE) return undefined;
  return `This needs Node.js ${OLDEST_SUPPORTED_NODE} or later (tested on 24 and 26); this is Node.js ${version}.`;
}

const refusal = unsupportedNode(process.versions.node);
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
