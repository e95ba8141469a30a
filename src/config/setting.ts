import { z } from "zod";

/**
 * One environment variable, declared once: how it is parsed and checked, what it means, its default,
 * and whether its value is a credential. `--help`, docs/configuration.md, the masking of values in
 * errors and the `Config` the gateway runs with are all derived from these declarations.
 */
export interface Setting<Schema extends z.ZodType = z.ZodType> {
  readonly schema: Schema;
  readonly description: string;
  /** The default in words, as `--help` and the docs show it. */
  readonly shownDefault: string;
  /** Never echoed in an error, and scrubbed from logs. */
  readonly secret: boolean;
}

/**
 * A setting whose default is a value: the schema applies it, and the docs show the same value.
 * Declared with `value`, so the shown default cannot drift from the applied one.
 */
export function withDefault<Schema extends z.ZodType<string | number>>(
  schema: Schema,
  value: z.output<Schema>,
  description: string,
): Setting<z.ZodDefault<Schema>> {
  return {
    schema: schema.default(value as never),
    description,
    shownDefault: String(value),
    secret: false,
  };
}

/**
 * A setting that may be unset. `shownDefault` says what unset means ("(unset)", or a default that
 * depends on another setting, such as "on; off in production").
 */
export function optional<Schema extends z.ZodType>(
  schema: Schema,
  description: string,
  options: { shownDefault?: string; secret?: boolean } = {},
): Setting<z.ZodOptional<Schema>> {
  return {
    schema: schema.optional(),
    description,
    shownDefault: options.shownDefault ?? "(unset)",
    secret: options.secret ?? false,
  };
}
