import { LRUCache } from "lru-cache";

/**
 * The canonical spelling of an IANA time zone name ("aMeRiCa/new_york" → "America/New_York"), or
 * undefined when the runtime does not know the zone. Names are matched ASCII-case-insensitively,
 * as Intl matches them.
 *
 * The names come from clients (validated before any upstream call) and from the portal, so nothing
 * here may grow with them: case variants of a name are endless. Listed zones are looked up without
 * building anything. Aliases such as "US/Eastern" are resolved by Intl once per case-folded name
 * and kept in a bounded cache. Names that are no zone are asked of Intl each time and never kept,
 * so that a stream of them can neither grow anything nor push the aliases out.
 */
export function canonicalTimeZone(name: string): string | undefined {
  const folded = foldCase(name);
  const listedName = listed().get(folded);
  if (listedName !== undefined) return listedName;
  const cached = aliases.get(folded);
  if (cached !== undefined) return cached;
  const canonical = resolveWithIntl(name);
  if (canonical !== undefined) aliases.set(folded, canonical);
  return canonical;
}

/**
 * Aliases by case-folded name. Each zone the runtime knows has one case-folded name, so the zone
 * database bounds this already (a few hundred aliases); the cache bounds it whatever the runtime.
 */
const aliases = new LRUCache<string, string>({ max: 1000 });

let listedZones: Map<string, string> | undefined;

/** The zones the runtime lists, by case-folded name; each is canonical (resolves to itself). */
function listed(): Map<string, string> {
  listedZones ??= new Map(Intl.supportedValuesOf("timeZone").map((zone) => [foldCase(zone), zone]));
  return listedZones;
}

function resolveWithIntl(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * ASCII lower case only: Intl compares zone names ASCII-case-insensitively, and full Unicode
 * folding would make a name such as "Europe/\u212Aiev" (KELVIN SIGN) look like a zone Intl refuses.
 */
function foldCase(name: string): string {
  return name.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}
