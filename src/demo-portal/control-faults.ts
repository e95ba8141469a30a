import { type IncomingMessage, type ServerResponse } from "node:http";
import { checkFault } from "./fault-check";
import { type DemoPortalFault } from "./faults";
import { readJsonBody } from "./json-body";
import { type PortalRuntime } from "./portal-runtime";
import { sendJson } from "./send-json";

/** Every fault route answers with the faults still queued. */
export function sendFaults(runtime: PortalRuntime, response: ServerResponse): void {
  sendJson(response, 200, runtime.faults.list());
}

/** POST /_demo/faults: one fault or an array; all are checked before any is queued. */
export async function addFaults(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readJsonBody(request);
  if (!body.ok) {
    sendJson(response, 400, { error: "INVALID_JSON", error_description: body.message });
    return;
  }
  const given = Array.isArray(body.value) ? (body.value as unknown[]) : [body.value];
  const faults: DemoPortalFault[] = [];
  for (const [index, value] of given.entries()) {
    try {
      faults.push(checkFault(value));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 400, {
        error: "INVALID_FAULT",
        error_description: Array.isArray(body.value) ? `faults[${index}]: ${message}` : message,
      });
      return;
    }
  }
  for (const fault of faults) runtime.faults.add(fault);
  sendFaults(runtime, response);
}
