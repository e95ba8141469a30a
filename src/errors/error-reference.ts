import { BITRIX_ERROR_CODES, BITRIX_ERROR_RULES, type BitrixErrorRule } from "./bitrix-error-codes";
import { ERROR_CATALOG } from "./error-catalog";
import { ErrorCode } from "./error-code";

/** The Bitrix24 codes that become `code`, from the code mapping and its rules. */
function bitrixCodesOf(code: ErrorCode): string[] {
  const plain = Object.entries(BITRIX_ERROR_CODES)
    .filter(([, mapped]) => mapped === code)
    .map(([bitrix]) => `\`${bitrix}\``);
  const refined = BITRIX_ERROR_RULES.filter((rule) => rule.graphQLCode === code).map(ruleText);
  return [...plain, ...refined];
}

/** A rule as the reference lists it: its code, then the conditions it adds, in reading order. */
export function ruleText(rule: Pick<BitrixErrorRule, "code" | "method" | "description">): string {
  const conditions = [
    rule.method && `from \`${rule.method}\``,
    rule.description && `when the description matches \`${rule.description.source}\``,
  ].filter(Boolean);
  return `\`${rule.code}\` ${conditions.join(" ")}`;
}

/** Text for a cell of a Markdown table: a `|` in it (a regular expression's) would end the cell. */
export function tableCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** docs/errors.md: generated from the error catalog and the Bitrix24 code mapping. */
export function errorReference(): string {
  const rows = Object.values(ErrorCode).map((code) => {
    const { meaning, httpStatus, source } = ERROR_CATALOG[code];
    const from = [...bitrixCodesOf(code), ...(source ? [source] : [])];
    return `| \`${code}\` | ${from.length > 0 ? tableCell(from.join("; ")) : "—"} | ${httpStatus ?? 200} | ${tableCell(meaning)} |`;
  });
  return [
    "# Errors",
    "",
    "<!-- Generated from src/errors/ by `npm run docs`; a test fails when it is stale. -->",
    "",
    "Clients branch on `extensions.code`, never on messages. Every upstream failure becomes a GraphQL",
    "error on the field that needed it (the other fields keep their data), with the Bitrix24 details:",
    "",
    "```json",
    "{",
    '  "message": "Bitrix24 booking.v1.booking.client.set failed with 1021: Booking not found",',
    '  "path": ["setBookingClients"],',
    '  "extensions": {',
    '    "code": "BOOKING_NOT_FOUND",',
    '    "bitrix": {',
    '      "error": "1021",',
    '      "description": "Booking not found",',
    '      "status": 400,',
    '      "method": "booking.v1.booking.client.set"',
    "    }",
    "  }",
    "}",
    "```",
    "",
    "The Bitrix24 column lists the envelope's `error` codes (and the gateway's own transport codes,",
    "such as `TIMEOUT` or `CIRCUIT_OPEN`) that become each code. A Bitrix24 code not listed becomes",
    "`UPSTREAM_ERROR`, or `UPSTREAM_UNAVAILABLE` with HTTP 5xx. The HTTP column is the status of the",
    "whole response: 200 for errors on fields, another status for a request refused before it ran.",
    "",
    "| `extensions.code` | From Bitrix24 | HTTP | Meaning |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    "GraphQL's own codes (`GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED`, `BAD_USER_INPUT` for",
    "variables that do not fit their types) come from Apollo Server as usual.",
    "",
  ].join("\n");
}
