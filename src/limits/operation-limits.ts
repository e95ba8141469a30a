import type { ApolloServerPlugin } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  getVariableValues,
  OperationTypeNode,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { LimitSettings } from "../config";
import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";
import { collectFields, fragmentsOf } from "./collect-fields";
import { PerDocument } from "./per-document";
import {
  estimateUpstreamCost,
  largestRepresentationCount,
  type UpstreamCost,
} from "./upstream-cost";

/** What the limits need to know of a request's context. */
export interface LimitsContext {
  request: {
    /** The request came through the federation router (it carried ROUTER_SECRET). */
    viaRouter: boolean;
    /** The client asked for `extensions.cost` with the `x-cost: true` header. */
    wantsCost: boolean;
  };
  /** The estimate of each operation of the request goes here, for the request log. */
  record: { estimates: UpstreamCost[] };
}

export interface OperationLimitsOptions {
  limits: LimitSettings;
  /** `_service` and `_entities` are served to callers that did not come through the router. */
  federationPublic: boolean;
  onEstimate?: (cost: UpstreamCost) => void;
}

/** Fields only a federation router may use: clients must not resolve entities directly. */
const FEDERATION_FIELDS = new Set(["_entities", "_service"]);

/**
 * Refuses an operation before it runs, with HTTP 400 and a precise code, when it is too deep, has too
 * many aliases or directives, passes too many entity representations, or would cost more upstream
 * commands than allowed; and refuses the federation fields to callers other than the router (403).
 * Nothing here calls the portal.
 */
export function operationLimitsPlugin<TContext extends LimitsContext>(
  options: OperationLimitsOptions,
): ApolloServerPlugin<TContext> {
  const { limits } = options;
  return {
    requestDidStart() {
      let cost: UpstreamCost | undefined;
      let report = false;
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request, contextValue }) {
          report = contextValue.request.wantsCost || request.extensions?.cost === true;
          if (!operation) return Promise.resolve();
          cost = checkOperationLimits({
            schema,
            document,
            operation,
            variables: request.variables ?? {},
            limits,
            mayUseFederationFields: contextValue.request.viaRouter || options.federationPublic,
            onEstimate: (estimate) => {
              contextValue.record.estimates.push(estimate);
              options.onEstimate?.(estimate);
            },
          });
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          if (!report || !cost || response.body.kind !== "single") return Promise.resolve();
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            cost: { ...cost, limit: limits.maxUpstreamCommands },
          };
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Refuses an operation that breaks a limit, with a RequestRefusal that says which and by how much;
 * otherwise returns its estimated upstream cost (undefined when its variables do not fit, which
 * fails the operation before any resolver runs). Queries, mutations and subscriptions all pass here.
 */
export function checkOperationLimits(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  limits: LimitSettings;
  mayUseFederationFields: boolean;
  /** Told the estimate before it is compared with the limit (logs and metrics see refused ones). */
  onEstimate?: (cost: UpstreamCost) => void;
}): UpstreamCost | undefined {
  const { schema, document, operation, limits } = args;
  const known = memos.get(schema, operation, () => ({}));
  const fragments = (known.fragments ??= fragmentsOf(document));
  if (!args.mayUseFederationFields) {
    known.federationField ??= federationFieldOf(schema, operation, fragments) ?? null;
    if (known.federationField) refuseFederationField(known.federationField);
  }
  checkShape(schema, document, limits);
  const figures = known.constant ?? variableFigures(schema, operation, fragments, args.variables);
  if (!figures) return undefined;
  // An operation that declares no variables has the same figures every time it runs.
  if (!operation.variableDefinitions?.length) known.constant = figures;
  const { representations, cost } = figures;
  if (representations > limits.maxEntityRepresentations) {
    throw new RequestRefusal(
      ErrorCode.TooManyRepresentations,
      `_entities has ${representations} representations, more than the limit of ${limits.maxEntityRepresentations} (MAX_ENTITY_REPRESENTATIONS)`,
      400,
      { limit: limits.maxEntityRepresentations, found: representations },
    );
  }
  args.onEstimate?.(cost);
  if (cost.upstreamCommands > limits.maxUpstreamCommands) {
    throw new RequestRefusal(
      ErrorCode.QueryTooCostly,
      `The operation could cost ${cost.upstreamCommands} Bitrix24 commands, more than the limit of ${limits.maxUpstreamCommands} (MAX_UPSTREAM_COMMANDS); ask for fewer items or relations`,
      400,
      { cost: { ...cost, limit: limits.maxUpstreamCommands } },
    );
  }
  return cost;
}

interface Figures {
  representations: number;
  cost: UpstreamCost;
}

/** What is known of one operation of a parsed document, whatever its variables. */
interface OperationMemo {
  fragments?: Record<string, FragmentDefinitionNode>;
  /** The federation field the operation selects at its root; null when none. */
  federationField?: string | null;
  /** Its figures, when it declares no variables. */
  constant?: Figures;
}

const memos = new PerDocument<OperationDefinitionNode, OperationMemo>();

/** Representations and cost under these variables; undefined when the variables do not fit. */
function variableFigures(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  given: Record<string, unknown>,
): Figures | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], given, {
    maxErrors: 1,
  });
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  return {
    representations: largestRepresentationCount(schema, operation, fragments, variables),
    cost: estimateUpstreamCost(schema, operation, fragments, variables),
  };
}

function federationFieldOf(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): string | undefined {
  const query = schema.getQueryType();
  if (!query || operation.operation !== OperationTypeNode.QUERY) return undefined;
  for (const nodes of collectFields({ schema, fragments }, query, [
    operation.selectionSet,
  ]).values()) {
    const name = nodes[0]!.name.value;
    if (FEDERATION_FIELDS.has(name)) return name;
  }
  return undefined;
}

function refuseFederationField(name: string): never {
  throw new RequestRefusal(
    ErrorCode.Forbidden,
    `${name} is served only to the federation router (requests carrying ROUTER_SECRET), or to anyone with FEDERATION_PUBLIC=on`,
    403,
  );
}

/**
 * Depth, aliases and directives, counted by graphql-armor's rules over the whole document. The rules
 * only count here (their own limit is out of reach): the count comes back through `onAccept`, and the
 * comparison with our limit is ours, so no message of the library is ever read.
 */
function checkShape(schema: GraphQLSchema, document: DocumentNode, limits: LimitSettings): void {
  const found = shapeOf(schema, document);
  const checks: Array<[number, number, ErrorCode, string, string]> = [
    [
      found.depth,
      limits.maxDepth,
      ErrorCode.QueryTooDeep,
      "MAX_DEPTH",
      `nests fields ${found.depth} levels deep`,
    ],
    [
      found.aliases,
      limits.maxAliases,
      ErrorCode.TooManyAliases,
      "MAX_ALIASES",
      `has ${found.aliases} aliases`,
    ],
    [
      found.directives,
      limits.maxDirectives,
      ErrorCode.TooManyDirectives,
      "MAX_DIRECTIVES",
      `has ${found.directives} directives`,
    ],
  ];
  for (const [count, limit, code, variable, what] of checks) {
    if (count > limit) {
      throw new RequestRefusal(
        code,
        `The operation ${what}, more than the limit of ${limit} (${variable})`,
        400,
        { limit, found: count },
      );
    }
  }
}

interface Shape {
  depth: number;
  aliases: number;
  directives: number;
}

/** The shape counts of a document, computed once per document. */
const shapes = new PerDocument<DocumentNode, Shape>();

function shapeOf(schema: GraphQLSchema, document: DocumentNode): Shape {
  return shapes.get(schema, document, () => {
    const found: Shape = { depth: 0, aliases: 0, directives: 0 };
    const counting = (key: keyof Shape) => ({
      n: Number.MAX_SAFE_INTEGER,
      onAccept: [
        (_context: unknown, { n }: { n: number }) => {
          found[key] = Math.max(found[key], n);
        },
      ],
    });
    validate(schema, document, [
      maxDepthRule(counting("depth")),
      maxAliasesRule(counting("aliases")),
      maxDirectivesRule(counting("directives")),
    ]);
    return found;
  });
}
