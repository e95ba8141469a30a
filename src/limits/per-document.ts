import type { GraphQLSchema } from "graphql";

/**
 * A value per (schema, node of a parsed document), kept as long as both live. Apollo hands every
 * request of the same query string the same parsed DocumentNode, so what depends on the document
 * alone is worked out once.
 */
export class PerDocument<Node extends object, Value> {
  private readonly bySchema = new WeakMap<GraphQLSchema, WeakMap<Node, Value>>();

  get(schema: GraphQLSchema, node: Node, make: () => Value): Value {
    let byNode = this.bySchema.get(schema);
    if (!byNode) {
      byNode = new WeakMap();
      this.bySchema.set(schema, byNode);
    }
    let value = byNode.get(node);
    if (value === undefined) {
      value = make();
      byNode.set(node, value);
    }
    return value;
  }
}
