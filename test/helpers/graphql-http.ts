import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { requestOnNewConnection } from "./new-connection";

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
  }>;
}

/** Sends one operation as GraphQL over HTTP (POST JSON), as a browser client would. */
export async function execute<TData, TVariables>(
  url: string,
  document: TypedDocumentNode<TData, TVariables> | string,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({
      query: typeof document === "string" ? document : print(document),
      ...(variables !== undefined && { variables }),
    }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<TData>, "status">;
  return { status: response.status, ...body };
}

/**
 * The same POST as `execute`, over a connection of its own that is closed afterwards: what a browser
 * that has not talked to the gateway before sends, with no warm keep-alive pool to help it along.
 */
export async function executeOnNewConnection<TData, TVariables>(
  url: string,
  document: TypedDocumentNode<TData, TVariables> | string,
  variables?: TVariables,
): Promise<GraphQLResponse<TData>> {
  const response = await requestOnNewConnection(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({
      query: typeof document === "string" ? document : print(document),
      ...(variables !== undefined && { variables }),
    }),
  });
  const parsed = JSON.parse(response.text) as Omit<GraphQLResponse<TData>, "status">;
  return { status: response.status, ...parsed };
}
