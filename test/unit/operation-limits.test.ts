import "reflect-metadata";
import { getOperationAST, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import type { LimitSettings } from "../../src/config/load-config";
import { RequestRefusal } from "../../src/errors/request-refusal";
import { checkOperationLimits } from "../../src/limits/operation-limits";
import { buildGatewaySchema } from "../../src/subgraph/build-schema";

const LIMITS: LimitSettings = {
  maxTokens: 10_000,
  maxDepth: 6,
  maxAliases: 2,
  maxDirectives: 2,
  maxUpstreamCommands: 3,
  maxBodyBytes: 100_000,
  maxEntityRepresentations: 2,
  httpBatching: { enabled: false, maxOperations: 1 },
};

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

/** `source` as a parsed document keeps its identity, which the limits remember their work by. */
function check(
  source: string | DocumentNode,
  variables: Record<string, unknown> = {},
  viaRouter = true,
) {
  const document = typeof source === "string" ? parse(source) : source;
  return checkOperationLimits({
    schema,
    document,
    operation: getOperationAST(document)!,
    variables,
    limits: LIMITS,
    mayUseFederationFields: viaRouter,
  });
}

/** The refusal `run` throws, as the client sees it: code, message, details, HTTP status. */
function refusalOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestRefusal);
    const refusal = error as RequestRefusal;
    return {
      code: refusal.code,
      message: refusal.message,
      status: refusal.httpStatus,
      details: refusal.details,
    };
  }
  throw new Error("expected a refusal");
}

const entities = (count: number) =>
  check("query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id } } }", {
    r: Array.from({ length: count }, (_, i) => ({ __typename: "Booking", id: i + 1 })),
  });

describe("checkOperationLimits", () => {
  it("names the limit, the figure found and the setting in each refusal", () => {
    expect(
      refusalOf(() =>
        check("{ a: booking(id: 1) { id } b: booking(id: 2) { id } c: booking(id: 3) { id } }"),
      ),
    ).toEqual({
      code: "TOO_MANY_ALIASES",
      message: "The operation has 3 aliases, more than the limit of 2 (MAX_ALIASES)",
      status: 400,
      details: { limit: 2, found: 3 },
    });
    expect(
      refusalOf(() =>
        check("{ booking(id: 1) @skip(if: false) @include(if: true) { id @skip(if: false) } }"),
      ),
    ).toEqual({
      code: "TOO_MANY_DIRECTIVES",
      message: "The operation has 3 directives, more than the limit of 2 (MAX_DIRECTIVES)",
      status: 400,
      details: { limit: 2, found: 3 },
    });
    expect(
      refusalOf(() =>
        check("{ booking(id: 1) { resources { type { resources { items { type { id } } } } } } }"),
      ),
    ).toEqual({
      code: "QUERY_TOO_DEEP",
      message: "The operation nests fields 7 levels deep, more than the limit of 6 (MAX_DEPTH)",
      status: 400,
      details: { limit: 6, found: 7 },
    });
    expect(refusalOf(() => entities(3))).toEqual({
      code: "TOO_MANY_REPRESENTATIONS",
      message:
        "_entities has 3 representations, more than the limit of 2 (MAX_ENTITY_REPRESENTATIONS)",
      status: 400,
      details: { limit: 2, found: 3 },
    });
    expect(
      refusalOf(() =>
        check("{ booking(id: 1) { clients { id } externalData { value } resources { id } } }"),
      ),
    ).toEqual({
      code: "QUERY_TOO_COSTLY",
      message:
        "The operation could cost 6 Bitrix24 commands, more than the limit of 3 (MAX_UPSTREAM_COMMANDS); ask for fewer items or relations",
      status: 400,
      details: { cost: { upstreamCommands: 6, upstreamRequests: 2, limit: 3 } },
    });
  });

  it("lets exactly the limit of representations through", () => {
    expect(entities(2)).toEqual({ upstreamCommands: 2, upstreamRequests: 1 });
  });

  it("refuses the federation fields to a caller that did not come through the router", () => {
    expect(refusalOf(() => check("{ _service { sdl } }", {}, false))).toEqual({
      code: "FORBIDDEN",
      message:
        "_service is served only to the federation router (requests carrying ROUTER_SECRET), or to anyone with FEDERATION_PUBLIC=on",
      status: 403,
      details: {},
    });
    expect(check("{ _service { sdl } }", {}, true)).toEqual({
      upstreamCommands: 0,
      upstreamRequests: 0,
    });
  });

  it("works out an operation without variables once, and one with variables per request", () => {
    const document = parse("{ booking(id: 1) { id } }");
    expect(check(document)).toBe(check(document));
    const withVariables = parse("query($id: Int!) { booking(id: $id) { id } }");
    expect(check(withVariables, { id: 1 })).not.toBe(check(withVariables, { id: 1 }));
    expect(check(withVariables, { id: 1 })).toEqual(check(withVariables, { id: 2 }));
  });
});
