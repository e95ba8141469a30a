import type { WireResource } from "../bitrix/resource-wire-types";
import type { Resource } from "./resource.type";

/**
 * Bitrix24 stores a missing description as "" (its default) or null; both read as null here. `isMain`
 * is "Y"/"N" on the wire; a JSON boolean is read too.
 */
export function toResource(wire: WireResource): Resource {
  const isMain: unknown = wire.isMain;
  return {
    id: Number(wire.id),
    name: wire.name ?? "",
    description: wire.description === "" ? null : (wire.description ?? null),
    typeId: Number(wire.typeId),
    isMain: isMain === "Y" || isMain === true,
    notificationWire: wire,
  };
}
