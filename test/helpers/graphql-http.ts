import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

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
