import { ErrorCode } from "../errors/error-code";

/** The ways an operation reaches the gateway. */
export const TRANSPORTS = [
  { name: "POST", how: "GraphQL over HTTP, `POST /graphql` with a JSON body" },
  { name: "GET", how: "GraphQL over HTTP, `GET /graphql?query=…` (queries only)" },
  {
    name: "persisted query",
    how: "Automatic persisted queries: `GET /graphql?extensions=…` with a saved document's hash",
  },
  {
    name: "graphql-ws",
    how: "`ws://…/graphql`, credentials in `connection_init` or on the upgrade request",
  },
  {
    name: "callback",
    how: "Apollo's HTTP subscription callback protocol: a `POST /graphql` from the federation router",
  },
] as const;

export type TransportName = (typeof TRANSPORTS)[number]["name"];

/**
 * One rule every operation passes before it runs, over every transport. The gateway enforces each
 * in one place per transport (the HTTP guards and Apollo's plugins; graphql-ws's admission); this
 * table is what a test walks, sending an operation that breaks each rule over each transport, so a
 * new transport or a new rule cannot leave a gap unnoticed.
 */
export interface AdmissionRule {
  name: string;
  /** The setting that governs it. */
  setting: string;
  /** `extensions.code` of the refusal (graphql-ws refuses a connection with a close code instead). */
  code: string;
  /** Transports on which the rule cannot apply, with the reason. */
  notOn?: Partial<Record<TransportName, string>>;
}

/**
 * A persisted query is saved only by a request that ran it, so only once it passed every rule; a
 * rule that depends on the document alone then always passes when it is run by its hash. (The cost,
 * which depends on the variables, is checked again on every run.)
 */
const SAVED_ONLY_IF_PASSED =
  "a document is saved only once it passed the rule, which depends on the document alone";

export const ADMISSION_RULES: readonly AdmissionRule[] = [
  {
    name: "caller authentication",
    setting: "GATEWAY_TOKENS, GATEWAY_JWT_SECRET, ROUTER_SECRET, BITRIX24_PORTAL_URL (OAuth)",
    code: ErrorCode.Unauthenticated,
  },
  {
    name: "message size",
    setting: "MAX_BODY_BYTES",
    code: ErrorCode.PayloadTooLarge,
    notOn: {
      GET: "a URL's length is bounded by node's header limit (16 KB)",
      "persisted query": "a URL's length is bounded by node's header limit (16 KB)",
    },
  },
  {
    name: "document tokens",
    setting: "MAX_TOKENS",
    code: ErrorCode.TooManyTokens,
    notOn: { "persisted query": SAVED_ONLY_IF_PASSED },
  },
  {
    name: "introspection",
    setting: "INTROSPECTION",
    code: "GRAPHQL_VALIDATION_FAILED",
    notOn: {
      "persisted query": SAVED_ONLY_IF_PASSED,
      callback: "a subscription cannot select __schema or __type",
    },
  },
  {
    name: "depth",
    setting: "MAX_DEPTH",
    code: ErrorCode.QueryTooDeep,
    notOn: { "persisted query": SAVED_ONLY_IF_PASSED },
  },
  {
    name: "aliases",
    setting: "MAX_ALIASES",
    code: ErrorCode.TooManyAliases,
    notOn: { "persisted query": SAVED_ONLY_IF_PASSED },
  },
  {
    name: "directives",
    setting: "MAX_DIRECTIVES",
    code: ErrorCode.TooManyDirectives,
    notOn: { "persisted query": SAVED_ONLY_IF_PASSED },
  },
  { name: "upstream cost", setting: "MAX_UPSTREAM_COMMANDS", code: ErrorCode.QueryTooCostly },
  {
    name: "federation fields",
    setting: "ROUTER_SECRET, FEDERATION_PUBLIC",
    code: ErrorCode.Forbidden,
    notOn: {
      "persisted query": SAVED_ONLY_IF_PASSED,
      callback: "only the router may send a callback, and the router may use them",
    },
  },
  {
    name: "subscription callbacks",
    setting: "ROUTER_SECRET, SUBSCRIPTION_CALLBACK_ORIGINS",
    code: ErrorCode.BadRequest,
    notOn: {
      GET: "a GET runs queries only",
      "persisted query": "a GET runs queries only",
      "graphql-ws": "graphql-ws subscriptions need no callback",
    },
  },
];

/** docs/admission.md: the rules, and which transport each holds on. */
export function admissionReference(): string {
  const header = `| Rule | Setting | Refused with | ${TRANSPORTS.map((t) => t.name).join(" | ")} |`;
  const divider = `|${" --- |".repeat(3 + TRANSPORTS.length)}`;
  const rows = ADMISSION_RULES.map(
    (rule) =>
      `| ${rule.name} | ${rule.setting} | \`${rule.code}\` | ${TRANSPORTS.map((t) =>
        rule.notOn?.[t.name] ? `n/a: ${rule.notOn[t.name]}` : "yes",
      ).join(" | ")} |`,
  );
  return [
    "# Admission: what every operation passes",
    "",
    "Generated from `src/security/admission-rules.ts` by `npm run docs`; do not edit by hand.",
    "",
    "Every operation passes each rule before it runs, whichever way it arrives, and is then logged",
    "(one `graphql request` line) and counted (`b24gw_graphql_operations_total`) the same way. A test",
    "(`test/hardening/admission.test.ts`) sends an operation breaking each rule over each transport.",
    "",
    "## Transports",
    "",
    ...TRANSPORTS.map((t) => `- **${t.name}**: ${t.how}`),
    "",
    "## Rules",
    "",
    header,
    divider,
    ...rows,
    "",
    "Over graphql-ws, a connection without valid credentials is closed with 4403 (Forbidden) at",
    "`connection_init`, and a message over `MAX_BODY_BYTES` closes it with 1009 before it is read",
    "whole; the other refusals come back as the operation's `error` message with the same code.",
    "",
  ].join("\n");
}
