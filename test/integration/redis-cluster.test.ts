import { CACHE_FORMAT_VERSION } from "../../src/cache/read-cache";
import { portalKeys } from "../../src/redis/portal-keys";
import { checkFailoverUnderLoad } from "../helpers/failover-load";
import { startRedisCluster, type RedisCluster } from "../helpers/redis-cluster";
import {
  checkChangeBus,
  checkDrainLease,
  checkSharedRateLimit,
  checkSharedReadCache,
} from "../helpers/replica-checks";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

describe("replicas sharing a Redis Cluster (three masters, each with a replica)", () => {
  let cluster: RedisCluster;

  beforeAll(async () => {
    cluster = await startRedisCluster();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it("share one rate-limit bucket", () => checkSharedRateLimit(cluster.url));
  it("share the read cache and its invalidations, whose scripts touch keys of one slot", () =>
    checkSharedReadCache(cluster.url));
  it("carry each change to the other replica's subscribers over sharded pub/sub", () =>
    checkChangeBus(cluster.url));
  it("let one replica at a time hold the offline drain's lease", () =>
    checkDrainLease(cluster.url));

  // Last: the cluster is left with one master that has no replica.
  it("fail no request while the master holding the portal's keys dies mid-load, and share the limit again once its replica took over", async () => {
    await checkFailoverUnderLoad("Cluster", cluster.url, async (pair) => {
      const origin = new URL(pair.portal.webhookUrl).origin;
      const master = await cluster.masterOf(
        portalKeys(pair.prefix, origin, CACHE_FORMAT_VERSION).probe,
      );
      const replica = await cluster.replicaOf(master);
      await cluster.kill(master);
      await cluster.failedOver(replica, 15_000);
      return replica;
    });
  }, 60_000);
});
