import type { WireResourceType } from "../bitrix/resource-wire-types";
import type { ResourceType } from "./resource-type.type";

export function toResourceType(wire: WireResourceType): ResourceType {
  return {
    id: Number(wire.id),
    name: wire.name ?? "",
    code: wire.code ?? "",
    notificationWire: wire,
  };
}
