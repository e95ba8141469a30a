/** Which of the two /rest/ URL forms a request used. */
export type RestRoute =
  | { kind: "webhook"; userId: string; secret: string; method: string }
  | { kind: "oauth"; method: string };

const REST_PREFIX = "/rest/";

/**
 * `/rest/<userId>/<secret>/<method>` (webhook) or `/rest/<method>` (OAuth). The method may carry
 * a `.json` suffix and the path a trailing slash (the PHP SDK adds one). A webhook path without
 * a method still parses, so that its credentials are checked before the 404.
 * Returns undefined for anything else under /rest/.
 */
export function parseRestPath(pathname: string): RestRoute | undefined {
  if (!pathname.startsWith(REST_PREFIX)) return undefined;
  const segments = pathname.slice(REST_PREFIX.length).split("/");
  if (segments.length > 1 && segments[segments.length - 1] === "") segments.pop();
  const decoded = segments.map(decodeSegment);
  if (decoded.some((segment) => segment === undefined)) return undefined;
  const [first = "", second = "", third = ""] = decoded as string[];
  switch (decoded.length) {
    case 1:
      return { kind: "oauth", method: withoutJsonSuffix(first) };
    case 2:
    case 3:
      return { kind: "webhook", userId: first, secret: second, method: withoutJsonSuffix(third) };
    default:
      return undefined;
  }
}

function withoutJsonSuffix(method: string): string {
  return method.replace(/\.json$/i, "");
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
