import "reflect-metadata";
import {
  parse,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { collectFields, fragmentsOf } from "../../src/limits/collect-fields";
import { PerDocument } from "../../src/limits/per-document";
import { tokenLimitRefusal } from "../../src/limits/token-limit";
import { buildGatewaySchema } from "../../src/subgraph/build-schema";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

describe("collectFields", () => {
  function fieldsOf(source: string, typeName: string) {
    const document = parse(source);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const type = schema.getType(typeName) as GraphQLObjectType;
    return collectFields({ schema, fragments: fragmentsOf(document) }, type, [
      operation.selectionSet,
    ]);
  }

  it("collects a fragment spread twice once, as the executor does", () => {
    const fields = fieldsOf("{ ...Q ...Q } fragment Q on Query { booking(id: 1) { id } }", "Query");
    expect([...fields.keys()]).toEqual(["booking"]);
    expect(fields.get("booking")).toHaveLength(1);
  });

  it("merges two selections of one response key, and keeps aliases apart", () => {
    const fields = fieldsOf(
      "{ booking(id: 1) { id } booking(id: 1) { name } b: booking(id: 2) { id } }",
      "Query",
    );
    expect(fields.get("booking")).toHaveLength(2);
    expect(fields.get("b")).toHaveLength(1);
  });
});

describe("PerDocument", () => {
  it("works a value out once per schema and document node", async () => {
    const other = await buildGatewaySchema();
    const perDocument = new PerDocument<object, number>();
    const node = {};
    let made = 0;
    const make = () => ++made;
    expect(perDocument.get(schema, node, make)).toBe(1);
    expect(perDocument.get(schema, node, make)).toBe(1);
    expect(perDocument.get(schema, {}, make)).toBe(2);
    expect(perDocument.get(other, node, make)).toBe(3);
    expect(perDocument.get(other, node, make)).toBe(3);
    expect(made).toBe(3);
  });
});

describe("tokenLimitRefusal", () => {
  // `{ a a a … }`: two braces and one name per field, and longer than its token count in characters.
  const withTokens = (count: number) =>
    `{ ${Array.from({ length: count - 2 }, () => "a").join(" ")} }`;

  it("lets a document of exactly the limit through, and refuses one token more", () => {
    expect(tokenLimitRefusal(withTokens(40), 40)).toBeUndefined();
    const refusal = tokenLimitRefusal(withTokens(41), 40);
    expect(refusal?.code).toBe("TOO_MANY_TOKENS");
    expect(refusal?.message).toBe("The document has more than 40 tokens (MAX_TOKENS)");
  });

  it("counts tokens, not characters: comments and spaces are free", () => {
    const padded = `# ${"x".repeat(200)}\n{ a   b }`;
    expect(tokenLimitRefusal(padded, 4)).toBeUndefined();
    expect(tokenLimitRefusal(padded, 3)?.code).toBe("TOO_MANY_TOKENS");
  });
});
