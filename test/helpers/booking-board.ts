import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

export const BOARD_DIR = join(__dirname, "..", "..", "examples", "booking-board");
/** The board's trusted documents, as its codegen writes them. */
export const BOARD_MANIFEST = join(BOARD_DIR, "src", "gql", "persisted-documents.json");

export interface RunningBoard {
  /** The board's page, e.g. http://127.0.0.1:40123/ */
  url: string;
  stop(): Promise<void>;
}

/**
 * The example's own start command (examples/booking-board/scripts/start.mjs), pointed at a gateway
 * the test started (GATEWAY_URL) and on a port of its own: Vite's dev server, as `npm run example`
 * runs it. Resolves once it prints the board's URL; fails with its output if it exits first.
 */
export function startBoard(gatewayUrl: string): Promise<RunningBoard> {
  const child = spawn(process.execPath, [join(BOARD_DIR, "scripts", "start.mjs")], {
    cwd: BOARD_DIR,
    env: { ...process.env, GATEWAY_URL: gatewayUrl, BOARD_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`the board exited (code ${code}) before listening:\n${output.join("")}`)),
    );
    createInterface({ input: child.stdout }).on("line", (line) => {
      output.push(`${line}\n`);
      const printed = /^Booking board: (\S+)/.exec(line);
      if (printed) resolve({ url: printed[1]!, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
