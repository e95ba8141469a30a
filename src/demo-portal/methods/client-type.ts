import { CLIENT_TYPES } from "./client-types";
import { wholeList, type MethodGroup } from "./method";
import { clientTypeView } from "./views";

/** booking.v1.clienttype.*: the fixed catalogue of client types. */
export const clientTypeMethods: MethodGroup = {
  "booking.v1.clienttype.list": ({ window }) =>
    wholeList(
      "clientType",
      CLIENT_TYPES.map((type) => clientTypeView(type.module, type.code)),
      window,
    ),
};
