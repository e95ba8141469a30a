// deploy/compose.yaml without a container engine: every service started as a plain process on this
// machine, with the environment, command, dependencies and health checks the compose file gives it,
// read from the file itself so that the two cannot drift apart.
//
//   node scripts/compose-as-processes.mjs [--app-root DIR] [--json]
//
// What a container would do differently, and what stands in for it here:
// - names on the compose network (a service, or an alias several share) become ports on 127.0.0.1:
//   every `scheme://name:port` in an environment value or a mounted file is rewritten to the port
//   the process got, and an alias shared by several services (the gateways' "gateway") is a small
//   TCP proxy that hands each new connection to the next of them, as the network's DNS spreads
//   them;
// - each process listens on 127.0.0.1 at a free port: the variable that holds its exposed port
//   (PORT, DEMO_PORTAL_PORT) is given that port, the one that holds 0.0.0.0 is given 127.0.0.1;
// - images become programs: the project's image runs its command (or the Dockerfile's CMD) with
//   the Dockerfile's ENV from --app-root (the image's /app; default: this checkout, built by
//   scripts/build.mjs when stale); ghcr.io/graphql-hive/gateway runs the @graphql-hive/gateway
//   package of node_modules (the same version) in a folder holding the service's mounted files;
//   redis runs the machine's redis-server;
// - a health check is run as written when it is a node command (the project's image has node; its
//   environment is the service's), otherwise the service counts as healthy once its port accepts
//   connections.
// It prints each service's URL once every one is up (--json: one JSON line, with each service's
// environment too), prefixes their output with their names on stderr, and on SIGTERM or SIGINT stops
// them in reverse order of their dependencies, each with SIGTERM and its stop_grace_period, as
// `docker compose down` does. test/deploy/compose.test.ts runs it.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { clearTimeout, setTimeout } from "node:timers";
import { setTimeout as pause } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { DockerfileParser } from "dockerfile-ast";
import { parse as parseYaml } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const composeFile = join(root, "deploy", "compose.yaml");
const composeDir = dirname(composeFile);

/** The image the project's Dockerfile builds, as compose.yaml names it. */
const PROJECT_IMAGE = "b24gw:local";
const HIVE_GATEWAY_IMAGE = "ghcr.io/graphql-hive/gateway:";
const REDIS_IMAGE = "redis:";

/** How long a service may take to become healthy. */
const HEALTHY_BOUND_MS = 60_000;

/**
 * @typedef {{ condition?: string }} Dependency
 * @typedef {{
 *   image: string,
 *   command?: string[],
 *   environment?: Record<string, string>,
 *   expose?: string[],
 *   depends_on?: Record<string, Dependency>,
 *   healthcheck?: { test: string[] },
 *   volumes?: string[],
 *   networks?: Record<string, { aliases?: string[] } | null>,
 *   stop_grace_period?: string,
 * }} ServiceSpec
 * @typedef {{
 *   name: string,
 *   spec: ServiceSpec,
 *   port: number,
 *   containerPort: number,
 *   argv: string[],
 *   cwd: string,
 *   env: Record<string, string>,
 *   healthcheck: string[] | undefined,
 *   child?: import("node:child_process").ChildProcess,
 *   exited?: Promise<number | null>,
 * }} Service
 */

/** Every process started, so that a failure half-way leaves none behind. */
/** @type {Set<import("node:child_process").ChildProcess>} */
const started = new Set();
/** The folder of the services' mounted files, removed on the way out. */
/** @type {string | undefined} */
let mounts;

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`compose-as-processes: ${message}\n`);
  for (const child of started) child.kill("SIGKILL");
  if (mounts) rmSync(mounts, { recursive: true, force: true });
  process.exit(1);
}

/**
 * Compose's interpolation: ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error},
 * ${NAME?error}, and $$ for a literal $.
 * @param {string} text
 * @param {NodeJS.ProcessEnv} env
 */
function interpolate(text, env) {
  /**
   * @param {string} whole
   * @param {string | undefined} name
   * @param {string | undefined} colon
   * @param {string | undefined} operator
   * @param {string | undefined} operand
   * @param {string | undefined} bare
   * @returns {string}
   */
  const replace = (whole, name, colon, operator, operand, bare) => {
    if (whole === "$$") return "$";
    if (bare !== undefined) return env[bare] ?? "";
    const value = env[name ?? ""];
    const missing = value === undefined || (colon === ":" && value === "");
    if (operator === "-") return missing ? (operand ?? "") : (value ?? "");
    if (operator === "?" && missing) fail(`${name}: ${operand || "required"}`);
    return value ?? "";
  };
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    replace,
  );
}

/**
 * @param {unknown} value
 * @param {NodeJS.ProcessEnv} env
 * @returns {unknown}
 */
function interpolateAll(value, env) {
  if (typeof value === "string") return interpolate(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, env));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateAll(item, env)]),
    );
  }
  return value;
}

/** The compose file, merge keys (<<) applied, interpolated from this process's environment. */
function readCompose() {
  const parsed = /** @type {{ services: Record<string, ServiceSpec> }} */ (
    interpolateAll(parseYaml(readFileSync(composeFile, "utf8"), { merge: true }), process.env)
  );
  for (const spec of Object.values(parsed.services)) {
    // Compose's environment values are strings; YAML may have read numbers or booleans.
    spec.environment = Object.fromEntries(
      Object.entries(spec.environment ?? {}).map(([name, value]) => [name, String(value)]),
    );
  }
  return parsed.services;
}

/**
 * The final stage of the project's Dockerfile: its ENV, CMD and HEALTHCHECK (exec forms).
 * @returns {{ env: Record<string, string>, cmd: string[], healthcheck: string[] }}
 */
function readImage() {
  const dockerfile = DockerfileParser.parse(readFileSync(join(root, "Dockerfile"), "utf8"));
  const froms = dockerfile.getFROMs();
  const finalLine = froms[froms.length - 1]?.getRange().start.line ?? 0;
  const instructions = dockerfile
    .getInstructions()
    .filter((instruction) => instruction.getRange().start.line >= finalLine);
  /** @param {string} keyword */
  const last = (keyword) =>
    instructions.filter((instruction) => instruction.getKeyword() === keyword).pop();
  /** @param {string} text */
  const execForm = (text) => {
    /** @type {unknown} */
    const parsed = JSON.parse(text);
    if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === "string")) {
      return fail(`the Dockerfile's ${text} is not an exec form`);
    }
    return parsed;
  };
  /** @type {Record<string, string>} */
  const env = {};
  for (const instruction of instructions.filter((each) => each.getKeyword() === "ENV")) {
    for (const argument of instruction.getArguments()) {
      const [name = "", value = ""] = argument.getValue().split(/=(.*)/s);
      env[name] = value;
    }
  }
  const healthcheck = (last("HEALTHCHECK")?.getArgumentsContent() ?? "")
    .replace(/^(--\S+\s+)*/, "")
    .replace(/^CMD\s+/, "");
  return {
    env,
    cmd: execForm(last("CMD")?.getArgumentsContent() ?? "[]"),
    healthcheck: execForm(healthcheck),
  };
}

/**
 * The exit code of `child` once it has closed; null when a signal ended it.
 * @param {import("node:child_process").ChildProcess} child
 * @returns {Promise<number | null>}
 */
async function closed(child) {
  /** @type {unknown[]} */
  const values = await once(child, "close");
  const code = values[0];
  return typeof code === "number" ? code : null;
}

/** A port nothing listens on now. */
async function freePort() {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  server.close();
  await once(server, "close");
  return address.port;
}

/**
 * Services in an order that starts each after what it depends on.
 * @param {Record<string, ServiceSpec>} specs
 */
function startOrder(specs) {
  /** @type {string[]} */
  const order = [];
  /** @type {Set<string>} */
  const visiting = new Set();
  /** @param {string} name */
  const visit = (name) => {
    if (order.includes(name)) return;
    if (visiting.has(name)) fail(`depends_on has a cycle through ${name}`);
    if (!specs[name]) fail(`depends_on names no service ${name}`);
    visiting.add(name);
    for (const dependency of Object.keys(specs[name]?.depends_on ?? {})) visit(dependency);
    order.push(name);
  };
  for (const name of Object.keys(specs)) visit(name);
  return order;
}

/**
 * Rewrites every `scheme://host:port` whose host is a name on the compose network.
 * @param {string} text
 * @param {Map<string, { containerPort: number, port: number }>} names
 */
function rewriteHosts(text, names) {
  /**
   * @param {string} whole
   * @param {string} host
   * @param {string} port
   */
  const replace = (whole, host, port) => {
    const target = names.get(host);
    return target && target.containerPort === Number(port) ? `//127.0.0.1:${target.port}` : whole;
  };
  return text.replace(/\/\/([A-Za-z0-9_.-]+):(\d+)/g, replace);
}

/**
 * A TCP proxy that hands each new connection to the next of `ports`, round robin.
 * @param {number} port
 * @param {number[]} ports
 */
async function startRoundRobin(port, ports) {
  let next = 0;
  /** @type {Set<import("node:net").Socket>} */
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = createConnection({
      host: "127.0.0.1",
      port: ports[next++ % ports.length] ?? 0,
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  return {
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

/** @param {string | undefined} text compose's duration, e.g. "20s"; default 10 s */
function milliseconds(text) {
  const match = /^(\d+)(ms|s|m)?$/.exec(text ?? "10s");
  if (!match) fail(`cannot read the duration ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000 }[match?.[2] ?? "s"] ?? 1000;
  return Number(match?.[1]) * unit;
}

/** @param {number} port */
async function accepts(port) {
  const socket = createConnection({ host: "127.0.0.1", port });
  try {
    await once(socket, "connect");
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

/**
 * Runs `argv` and resolves with its exit code.
 * @param {string[]} argv
 * @param {string} cwd
 * @param {Record<string, string>} env
 */
async function exitCode(argv, cwd, env) {
  const child = spawn(argv[0] ?? "", argv.slice(1), { cwd, env, stdio: "ignore" });
  return closed(child);
}

/**
 * Waits until the service is healthy: its node health check passes, or its port accepts.
 * @param {Service} service
 */
async function untilHealthy(service) {
  const deadline = Date.now() + HEALTHY_BOUND_MS;
  const check = service.healthcheck;
  for (;;) {
    if (service.child && (service.child.exitCode !== null || service.child.signalCode !== null)) {
      fail(`${service.name} exited while starting`);
    }
    const healthy =
      check !== undefined
        ? (await exitCode(check, service.cwd, service.env)) === 0
        : await accepts(service.port);
    if (healthy) return;
    if (Date.now() > deadline) fail(`${service.name} did not become healthy`);
    await pause(100);
  }
}

/**
 * Passes a child's output on to stderr, each line under the service's name.
 * @param {string} name
 * @param {import("node:stream").Readable} stream
 */
function prefixLines(name, stream) {
  let pending = "";
  stream.on("data", (/** @type {Buffer} */ chunk) => {
    const lines = (pending + chunk.toString()).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) process.stderr.write(`${name} | ${line}\n`);
  });
  stream.on("end", () => {
    if (pending !== "") process.stderr.write(`${name} | ${pending}\n`);
  });
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const appRootIndex = args.indexOf("--app-root");
  const appRoot = appRootIndex >= 0 ? resolve(args[appRootIndex + 1] ?? "") : root;
  if (appRootIndex < 0) {
    const built = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--if-stale"], {
      stdio: ["ignore", process.stderr, process.stderr],
    });
    if (built.status !== 0) fail("the build failed");
  }

  const specs = readCompose();
  const image = readImage();
  const folder = mkdtempSync(join(tmpdir(), "b24gw-compose-"));
  mounts = folder;

  // Every name on the network: each service, and each alias with the services that share it.
  /** @type {Map<string, { containerPort: number, port: number }>} */
  const names = new Map();
  /** @type {Map<string, { containerPort: number, members: string[] }>} */
  const aliases = new Map();
  /** @type {Record<string, Service>} */
  const services = {};
  for (const [name, spec] of Object.entries(specs)) {
    const containerPort = Number(spec.expose?.[0]);
    if (!Number.isInteger(containerPort)) fail(`${name} exposes no port`);
    const port = await freePort();
    names.set(name, { containerPort, port });
    for (const network of Object.values(spec.networks ?? {})) {
      for (const alias of network?.aliases ?? []) {
        const shared = aliases.get(alias) ?? { containerPort, members: [] };
        shared.members.push(name);
        aliases.set(alias, shared);
      }
    }
    services[name] = {
      name,
      spec,
      port,
      containerPort,
      argv: [],
      cwd: "",
      env: {},
      healthcheck: undefined,
    };
  }
  for (const [alias, { containerPort }] of aliases) {
    names.set(alias, { containerPort, port: await freePort() });
  }

  for (const service of Object.values(services)) {
    const { spec } = service;
    /** @type {Record<string, string>} */
    const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
    // The test run's marker, when there is one, so that its check of leftover processes sees these.
    if (process.env.B24GW_TEST_RUN) base.B24GW_TEST_RUN = process.env.B24GW_TEST_RUN;
    /** @type {Record<string, string>} */
    const env = {};
    for (const [name, value] of Object.entries(spec.environment ?? {})) {
      env[name] = rewriteHosts(value, names);
    }
    if (spec.image === PROJECT_IMAGE) {
      const command = spec.command ?? image.cmd;
      service.argv = command[0] === "node" ? [process.execPath, ...command.slice(1)] : command;
      service.cwd = appRoot;
      service.env = { ...base, ...image.env, ...env };
      const check = spec.healthcheck?.test ?? ["CMD", ...image.healthcheck];
      if (check[0] === "CMD" && check[1] === "node") {
        service.healthcheck = [process.execPath, ...check.slice(2)];
      }
    } else if (spec.image.startsWith(HIVE_GATEWAY_IMAGE)) {
      const version = spec.image.slice(HIVE_GATEWAY_IMAGE.length);
      /** @type {unknown} */
      const manifest = JSON.parse(
        readFileSync(
          join(root, "node_modules", "@graphql-hive", "gateway", "package.json"),
          "utf8",
        ),
      );
      const installed =
        typeof manifest === "object" && manifest !== null && "version" in manifest
          ? manifest.version
          : undefined;
      if (installed !== version) {
        fail(`${service.name} runs Hive Gateway ${version}; node_modules has ${String(installed)}`);
      }
      // The image's working folder, /gateway, with the service's mounted files in it.
      service.cwd = join(folder, service.name);
      mkdirSync(service.cwd, { recursive: true });
      for (const volume of spec.volumes ?? []) {
        const [source = "", target = ""] = volume.split(":");
        if (!target.startsWith("/gateway/")) fail(`${service.name}: cannot mount ${volume}`);
        const text = readFileSync(resolve(composeDir, source), "utf8");
        writeFileSync(
          join(service.cwd, target.slice("/gateway/".length)),
          rewriteHosts(text, names),
        );
      }
      const bin = join(root, "node_modules", "@graphql-hive", "gateway", "dist", "bin.js");
      service.argv = [process.execPath, bin, ...(spec.command ?? [])];
      service.env = { ...base, ...env };
    } else if (spec.image.startsWith(REDIS_IMAGE)) {
      const command = spec.command ?? ["redis-server"];
      if (command[0] !== "redis-server") fail(`${service.name}: runs only redis-server`);
      service.argv = [...command];
      service.cwd = folder;
      service.env = { ...base, ...env };
    } else {
      fail(`${service.name}: no way to run the image ${spec.image} as a process`);
    }
    listenOnLoopback(service);
  }

  /** @type {Array<{ close(): void }>} */
  const proxies = [];
  for (const [alias, { members }] of aliases) {
    const ports = members.map((member) => services[member]?.port ?? 0);
    proxies.push(await startRoundRobin(names.get(alias)?.port ?? 0, ports));
  }

  const order = startOrder(specs);
  let stopping = false;
  const stop = async (/** @type {number} */ code) => {
    if (stopping) return;
    stopping = true;
    /** @type {Record<string, number | null>} */
    const exits = {};
    // Each service stops once every service that depends on it has stopped, the rest at once.
    /** @type {Map<string, Promise<void>>} */
    const stopped = new Map();
    /** @param {string} name @returns {Promise<void>} */
    const stopService = (name) => {
      let done = stopped.get(name);
      if (done) return done;
      const dependents = order.filter((other) => specs[other]?.depends_on?.[name] !== undefined);
      done = Promise.all(dependents.map(stopService)).then(async () => {
        const service = services[name];
        if (!service?.child || !service.exited) return;
        if (service.child.exitCode === null && service.child.signalCode === null) {
          service.child.kill("SIGTERM");
        }
        const grace = milliseconds(service.spec.stop_grace_period);
        const timer = setTimeout(() => service.child?.kill("SIGKILL"), grace);
        exits[name] = await service.exited;
        clearTimeout(timer);
      });
      stopped.set(name, done);
      return done;
    };
    await Promise.all(order.map(stopService));
    for (const proxy of proxies) proxy.close();
    rmSync(folder, { recursive: true, force: true });
    process.stdout.write(
      json ? `${JSON.stringify({ stopped: exits })}\n` : `Stopped: ${JSON.stringify(exits)}\n`,
    );
    process.exit(code);
  };
  process.once("SIGTERM", () => void stop(0));
  process.once("SIGINT", () => void stop(0));

  for (const name of order) {
    const service = services[name];
    if (!service) continue;
    for (const [dependency, { condition }] of Object.entries(service.spec.depends_on ?? {})) {
      const needed = services[dependency];
      if (needed && condition === "service_healthy") await untilHealthy(needed);
    }
    const child = spawn(service.argv[0] ?? "", service.argv.slice(1), {
      cwd: service.cwd,
      env: service.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    service.child = child;
    started.add(child);
    service.exited = closed(child);
    if (child.stdout) prefixLines(name, child.stdout);
    if (child.stderr) prefixLines(name, child.stderr);
    void service.exited.then((code) => {
      if (!stopping) {
        process.stderr.write(`compose-as-processes: ${name} exited (${code}); stopping the rest\n`);
        void stop(1);
      }
    });
  }
  for (const service of Object.values(services)) await untilHealthy(service);

  const described = Object.fromEntries(
    Object.values(services).map((service) => [
      service.name,
      {
        url: `http://127.0.0.1:${service.port}`,
        containerPort: service.containerPort,
        ...(json && { env: service.env }),
      },
    ]),
  );
  const aliasUrls = Object.fromEntries(
    [...aliases.keys()].map((alias) => [alias, `http://127.0.0.1:${names.get(alias)?.port}`]),
  );
  if (json) {
    process.stdout.write(`${JSON.stringify({ services: described, aliases: aliasUrls })}\n`);
  } else {
    for (const [name, { url, containerPort }] of Object.entries(described)) {
      process.stdout.write(`${name}: ${url} (port ${containerPort} in compose)\n`);
    }
    for (const [alias, url] of Object.entries(aliasUrls)) {
      process.stdout.write(`${alias} (alias, round robin): ${url}\n`);
    }
    process.stdout.write("All services are up; Ctrl-C stops them.\n");
  }
}

/**
 * Points the service's listening at 127.0.0.1 and its own port: the variable that holds its exposed
 * port and the one that holds 0.0.0.0 (the project's image and Hive Gateway read PORT and HOST or
 * their like from the environment), or redis-server's flags.
 * @param {Service} service
 */
function listenOnLoopback(service) {
  if (service.argv[0] === "redis-server") {
    service.argv.push("--port", String(service.port), "--bind", "127.0.0.1");
    return;
  }
  const env = service.env;
  let portSet = false;
  for (const [name, value] of Object.entries(env)) {
    if (value === String(service.containerPort) && /PORT$/.test(name)) {
      env[name] = String(service.port);
      portSet = true;
    }
    if (value === "0.0.0.0" && /HOST$/.test(name)) env[name] = "127.0.0.1";
  }
  if (!portSet) {
    // Hive Gateway listens on 0.0.0.0:4000 unless PORT and HOST say otherwise.
    env.PORT = String(service.port);
    env.HOST = "127.0.0.1";
  }
}

main().catch((/** @type {unknown} */ error) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
