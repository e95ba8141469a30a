import { getMetadataStorage } from "type-graphql";

/**
 * Lets graphql-js's default resolver read plain data fields (`Booking.name`), as type-graphql's
 * `simpleResolvers` does. Otherwise type-graphql gives every field a resolver of its own that only
 * runs the field's middlewares and then reads the same property: per field of every result, work and
 * garbage for nothing. The gateway uses no middleware and no auth rule on fields; should one appear,
 * every field keeps its resolver. A field whose schema name differs from its property keeps it too.
 */
export function resolvePlainFieldsByDefault(): void {
  const storage = getMetadataStorage();
  if (storage.middlewares.length > 0 || storage.authorizedFields.length > 0) return;
  for (const field of storage.fields) {
    if (field.simple === undefined && field.name === field.schemaName) field.simple = true;
  }
}
