/** What a GraphQL operation name must look like to become a label value as it is. */
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Bounds the label values taken from client-chosen names (operation names): the first `capacity`
 * distinct well-formed names are kept as they are, later ones and malformed ones become `other`, and
 * an operation without a name is `anonymous`. Memory and series stay bounded whatever clients send.
 */
export class LabelSet {
  private readonly known = new Set<string>();

  constructor(private readonly capacity: number) {}

  label(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (!NAME.test(name)) return "other";
    if (this.known.has(name)) return name;
    if (this.known.size >= this.capacity) return "other";
    this.known.add(name);
    return name;
  }
}
