import { buildSubgraphSchema } from "@apollo/subgraph";
import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import { type GraphQLSchema, parse } from "graphql";

/**
 * One breaking change that was announced ahead, so schema:check lets it pass. `coordinate` is the
 * schema coordinate graphql-inspector reports as the change's path (`Booking.legacyField`,
 * `Query.booking.id`, `BookingClientInput`); `type` narrows it to one kind of change
 * (`FIELD_REMOVED`, `FIELD_TYPE_CHANGED`, …), any kind at that coordinate when left out.
 */
export interface BreakingChangeAnnouncement {
  coordinate: string;
  type?: string;
  /** Why the change is made and where consumers were told, e.g. a changelog entry; required. */
  reason: string;
}

export interface SchemaComparison {
  /** Breaking changes with no announcement: schema:check fails on these. */
  unannounced: Change[];
  /** Breaking changes an announcement covers. */
  announced: Change[];
  /** Changes that break no valid operation but may change what clients see (a new enum value …). */
  dangerous: Change[];
  safe: Change[];
}

/** Builds a subgraph SDL (with its federation @link) the way the running service builds its schema. */
export function subgraphSchemaFromSdl(sdl: string): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(sdl) }]);
}

/** Compares a committed subgraph schema with the working one, sorting every change by criticality. */
export async function compareSchemas(
  base: GraphQLSchema,
  working: GraphQLSchema,
  announcements: readonly BreakingChangeAnnouncement[],
): Promise<SchemaComparison> {
  const comparison: SchemaComparison = { unannounced: [], announced: [], dangerous: [], safe: [] };
  for (const change of await diff(base, working)) {
    switch (change.criticality.level) {
      case CriticalityLevel.Breaking:
        (isAnnounced(change, announcements) ? comparison.announced : comparison.unannounced).push(
          change,
        );
        break;
      case CriticalityLevel.Dangerous:
        comparison.dangerous.push(change);
        break;
      default:
        comparison.safe.push(change);
    }
  }
  return comparison;
}

function isAnnounced(
  change: Change,
  announcements: readonly BreakingChangeAnnouncement[],
): boolean {
  return announcements.some(
    (announcement) =>
      announcement.coordinate === change.path &&
      (announcement.type === undefined || announcement.type === change.type),
  );
}

/**
 * Reads schema/breaking-changes.json: `{ "announced": [ { "coordinate", "type"?, "reason" } ] }`.
 * Throws a TypeError naming the entry and the rule it breaks.
 */
export function parseAnnouncements(json: string, source: string): BreakingChangeAnnouncement[] {
  const document = JSON.parse(json) as unknown;
  const announced = (document as { announced?: unknown } | null)?.announced;
  if (!Array.isArray(announced)) {
    throw new TypeError(`${source}: must be an object with an "announced" array`);
  }
  return announced.map((entry: unknown, index) => {
    const { coordinate, type, reason } = (entry ?? {}) as Record<string, unknown>;
    const where = `${source}: announced[${index}]`;
    if (typeof coordinate !== "string" || coordinate === "") {
      throw new TypeError(`${where}.coordinate must be a schema coordinate such as "Booking.name"`);
    }
    if (type !== undefined && (typeof type !== "string" || !/^[A-Z_]+$/.test(type))) {
      throw new TypeError(`${where}.type must be a change type such as "FIELD_REMOVED"`);
    }
    if (typeof reason !== "string" || reason.trim() === "") {
      throw new TypeError(`${where}.reason must say why, and where consumers were told`);
    }
    return { coordinate, ...(type !== undefined && { type }), reason };
  });
}
