/** A value as it would appear in JSON, for error messages ("got …"); undefined stays visible. */
export function showValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
