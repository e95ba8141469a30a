import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { loadConfig, SETTINGS } from "../../src/config";
import { CONTEXT, readImageRecipe } from "../helpers/dockerfile";

/**
 * deploy/k8s without a cluster: every object validated against the Kubernetes API's own schemas
 * (kubernetes-models, the 1.27 OpenAPI: types, required fields, formats; it does not refuse fields
 * the schema lacks, so the fields that matter are checked by name below), and the choices the
 * manifests make checked against the gateway's code.
 */

const FOLDER = join(CONTEXT, "deploy", "k8s");

interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata?: { name: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}

interface Probe {
  httpGet?: { path: string; port: string | number };
  timeoutSeconds?: number;
}

interface Container {
  name: string;
  image: string;
  command?: string[];
  ports: Array<{ name: string; containerPort: number }>;
  env: EnvVar[];
  envFrom: Array<{ configMapRef?: { name: string }; secretRef?: unknown }>;
  startupProbe: Probe;
  livenessProbe: Probe;
  readinessProbe: Probe;
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}

interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: {
    terminationGracePeriodSeconds: number;
    securityContext: { runAsNonRoot?: boolean; runAsUser?: number; runAsGroup?: number };
    enableServiceLinks?: boolean;
    automountServiceAccountToken?: boolean;
    containers: Container[];
  };
}

/** Every object of every manifest, by file. */
function manifests(): Map<string, KubeObject[]> {
  const byFile = new Map<string, KubeObject[]>();
  for (const file of readdirSync(FOLDER).filter((name) => name.endsWith(".yaml"))) {
    const documents = parseAllDocuments(readFileSync(join(FOLDER, file), "utf8"));
    for (const document of Array.isArray(documents) ? documents : [documents]) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.join("; ")}`);
    }
    byFile.set(
      file,
      (Array.isArray(documents) ? documents : [documents]).map(
        (document) => document.toJS() as KubeObject,
      ),
    );
  }
  return byFile;
}

const all = manifests();
const objects = [...all.values()].flat();
const find = <T>(kind: string, name: string): KubeObject & T => {
  const found = objects.find((object) => object.kind === kind && object.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/k8s`);
  return found as KubeObject & T;
};

const deployment = find<{
  spec: {
    replicas: number;
    selector: { matchLabels: Record<string, string> };
    template: PodTemplate;
  };
}>("Deployment", "b24gw");
const pod = deployment.spec.template;
const gateway = pod.spec.containers[0]!;
const configMap = find<{ data: Record<string, string> }>("ConfigMap", "b24gw-config");
const secret = find<{ stringData: Record<string, string> }>("Secret", "b24gw-secrets");

/** What the container's environment would be: the ConfigMap, the literal values, the Secret's keys. */
function containerEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of gateway.envFrom) {
    if (source.configMapRef?.name === configMap.metadata?.name) Object.assign(env, configMap.data);
  }
  for (const variable of gateway.env) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (variable.value !== undefined) env[variable.name] = variable.value;
    else if (ref && secret.stringData[ref.key] !== undefined) {
      env[variable.name] = secret.stringData[ref.key]!;
    }
  }
  return env;
}

/** src/index.ts: how long past the readiness delay and the grace the process may take to exit. */
function exitMarginMs(): number {
  const source = readFileSync(join(CONTEXT, "src", "index.ts"), "utf8");
  return Number(/const EXIT_MARGIN_MS = (\d+);/.exec(source)?.[1]);
}

describe("the Kubernetes manifests", () => {
  it("are valid objects of the Kubernetes API, by its schemas", async () => {
    const validated: string[] = [];
    for (const [file, list] of all) {
      for (const object of list) {
        if (object.apiVersion.startsWith("kustomize.config.k8s.io/")) continue;
        const module = (await import(
          `kubernetes-models/${object.apiVersion}/${object.kind}`
        )) as Record<string, new (value: unknown) => { validate(): void }>;
        const Model = module[object.kind]!;
        expect(() => new Model(object).validate()).not.toThrow();
        validated.push(`${file}: ${object.kind} ${object.metadata?.name}`);
      }
    }
    expect(validated.sort()).toEqual([
      "configmap.yaml: ConfigMap b24gw-config",
      "deployment.yaml: Deployment b24gw",
      "ingress.example.yaml: Ingress b24gw-events",
      "pdb.yaml: PodDisruptionBudget b24gw",
      "redis.yaml: Deployment redis",
      "redis.yaml: Service redis",
      "secret.example.yaml: Secret b24gw-secrets",
      "service.yaml: Service b24gw",
    ]);
  });

  it("by the same schemas, refuse a Deployment whose grace period is not an integer", async () => {
    const { Deployment } = await import("kubernetes-models/apps/v1/Deployment");
    const broken = JSON.parse(JSON.stringify(deployment)) as {
      spec: { template: { spec: Record<string, unknown> } };
    };
    broken.spec.template.spec.terminationGracePeriodSeconds = "25";
    expect(() => new Deployment(broken as never).validate()).toThrow(
      /terminationGracePeriodSeconds must be integer/,
    );
  });

  it("are gathered by kustomization.yaml, all but the examples", () => {
    const kustomization = objects.find((object) => object.kind === "Kustomization") as
      (KubeObject & { resources: string[]; images: Array<{ name: string }> }) | undefined;
    expect(kustomization?.resources.sort()).toEqual(
      [...all.keys()].filter((file) => !/example|kustomization/.test(file)).sort(),
    );
    expect(kustomization?.images.map((image) => image.name)).toEqual([gateway.image]);
  });

  it("probe readiness on /readyz and liveness (and start) on /healthz, at the container's port", () => {
    expect(gateway.ports).toEqual([{ name: "http", containerPort: 4000, protocol: "TCP" }]);
    expect(containerEnvironment().PORT).toBe("4000");
    expect(gateway.readinessProbe.httpGet).toEqual({ path: "/readyz", port: "http" });
    expect(gateway.livenessProbe.httpGet).toEqual({ path: "/healthz", port: "http" });
    expect(gateway.startupProbe.httpGet).toEqual({ path: "/healthz", port: "http" });
    // /readyz gives up on a dependency after 2 s (src/server.ts READINESS_TIMEOUT_MS).
    const readinessTimeout = /const READINESS_TIMEOUT_MS = (\d+);/.exec(
      readFileSync(join(CONTEXT, "src", "server.ts"), "utf8"),
    )?.[1];
    expect(gateway.readinessProbe.timeoutSeconds! * 1000).toBeGreaterThan(Number(readinessTimeout));
  });

  it("let Kubernetes wait out the whole shutdown before it kills: the grace period exceeds SHUTDOWN_READINESS_DELAY_MS + SHUTDOWN_GRACE_MS + the exit margin", () => {
    const env = containerEnvironment();
    const longestShutdownMs =
      Number(env.SHUTDOWN_READINESS_DELAY_MS) + Number(env.SHUTDOWN_GRACE_MS) + exitMarginMs();
    expect(longestShutdownMs).toBe(18_000);
    const killAfterMs = pod.spec.terminationGracePeriodSeconds * 1000;
    expect(killAfterMs - longestShutdownMs).toBeGreaterThanOrEqual(5_000);
    // And the image's CMD runs, so that node is PID 1 and gets the SIGTERM itself.
    expect(gateway.command).toBeUndefined();
  });

  it("keep a replica through voluntary disruptions: the PodDisruptionBudget selects the Deployment's pods", () => {
    const pdb = find<{
      spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } };
    }>("PodDisruptionBudget", "b24gw");
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(pod.metadata.labels).toMatchObject(pdb.spec.selector.matchLabels);
    // Below the replica count, or no node could ever be drained.
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    const service = find<{
      spec: { selector: Record<string, string>; ports: Array<{ targetPort: string }> };
    }>("Service", "b24gw");
    expect(pod.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports.map((port) => port.targetPort)).toEqual(["http"]);
  });

  it("take every credential the gateway declares secret from the Secret, never from a value or the ConfigMap", () => {
    const secretSettings = Object.entries(SETTINGS)
      .filter(([, setting]) => setting.secret)
      .map(([name]) => name);
    expect(secretSettings).toEqual(expect.arrayContaining(["REDIS_URL", "ROUTER_SECRET"]));
    for (const name of secretSettings) {
      expect([name, Object.keys(configMap.data).includes(name)]).toEqual([name, false]);
      const variable = gateway.env.find((each) => each.name === name);
      if (variable)
        expect([name, variable.valueFrom?.secretKeyRef?.name]).toEqual([name, "b24gw-secrets"]);
    }
    for (const name of [
      "BITRIX24_WEBHOOK_URL",
      "BITRIX24_APP_SECRET",
      "BITRIX24_APPLICATION_TOKEN",
      "GATEWAY_TOKENS",
      "METRICS_TOKEN",
      "REDIS_URL",
      "ROUTER_SECRET",
      "DATABASE_URL",
    ]) {
      const ref = gateway.env.find((each) => each.name === name)?.valueFrom?.secretKeyRef;
      expect([name, ref?.name]).toEqual([name, "b24gw-secrets"]);
      // A key the example Secret lacks must be optional, or the pod could not start.
      if (secret.stringData[ref!.key] === undefined)
        expect([name, ref?.optional]).toEqual([name, true]);
    }
  });

  it("give the gateway a configuration it starts with in production", () => {
    const env = containerEnvironment();
    expect(env.NODE_ENV).toBe("production");
    const config = loadConfig(env);
    expect(config.portal.mode).toBe("webhook");
    expect(config.redisUrl).toBe("redis://redis:6379");
    expect(config.production).toBe(true);
    // The in-cluster Redis answers at that name and port.
    const redis = find<{ spec: { ports: Array<{ port: number }> } }>("Service", "redis");
    expect(`redis://${redis.metadata?.name}:${redis.spec.ports[0]!.port}`).toBe(env.REDIS_URL);
  });

  it("run as the image's non-root user, with no privilege to gain and a read-only file system", () => {
    const [user, group] = readImageRecipe().user!.split(":").map(Number);
    expect(pod.spec.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: user,
      runAsGroup: group,
    });
    expect(user).toBeGreaterThan(0);
    expect(pod.spec.automountServiceAccountToken).toBe(false);
    // Its environment is the manifest's alone: no REDIS_PORT=tcp://… for the redis Service.
    expect(pod.spec.enableServiceLinks).toBe(false);
    expect(gateway.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
  });

  it("request and limit CPU and memory", () => {
    expect(Object.keys(gateway.resources.requests ?? {}).sort()).toEqual(["cpu", "memory"]);
    expect(Object.keys(gateway.resources.limits ?? {}).sort()).toEqual(["cpu", "memory"]);
  });
});
