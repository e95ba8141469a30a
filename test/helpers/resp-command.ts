/**
 * A Redis command as a client starts it in RESP: its count of parts, then its name (ioredis writes
 * names in lower case; matched in any case). Only the name matches: an argument that happens to
 * spell a command does not.
 */
export function respCommand(name: string): RegExp {
  return new RegExp(`\\*\\d+\\r\\n\\$${name.length}\\r\\n${name}\\r\\n`, "i");
}
