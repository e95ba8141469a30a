import { ENVIRONMENT, ENVIRONMENT_SCHEMA } from "../../src/config";

/**
 * `ENVIRONMENT` (what `--help` and the README show) states each default in words; the zod schema
 * applies it. This keeps the two from drifting apart.
 */
describe("the environment table", () => {
  const shape = ENVIRONMENT_SCHEMA.shape as Record<
    string,
    { def: { type: string; defaultValue?: unknown } }
  >;

  it.each(ENVIRONMENT.filter(([name]) => shape[name]?.def.type === "default"))(
    "states the default the schema applies to %s",
    (name, stated) => {
      expect(stated.split(/[ ;]/)[0]).toBe(String(shape[name]!.def.defaultValue));
    },
  );
});
