import { checkFailoverUnderLoad } from "../helpers/failover-load";
import { startRedisSentinels, type RedisSentinels } from "../helpers/redis-sentinel";
import {
  checkChangeBus,
  checkDrainLease,
  checkSharedRateLimit,
  checkSharedReadCache,
} from "../helpers/replica-checks";
import { failOnUnhandledRejections } from "../helpers/unhandled-rejections";

failOnUnhandledRejections();

describe("replicas sharing Redis through Sentinel (a master, its replica, three sentinels)", () => {
  let sentinels: RedisSentinels;

  beforeAll(async () => {
    sentinels = await startRedisSentinels();
  });
  afterAll(async () => {
    await sentinels?.stop();
  });

  it("share one rate-limit bucket", () => checkSharedRateLimit(sentinels.url));
  it("share the read cache and its invalidations", () => checkSharedReadCache(sentinels.url));
  it("carry each change to the other replica's subscribers", () => checkChangeBus(sentinels.url));
  it("let one replica at a time hold the offline drain's lease", () =>
    checkDrainLease(sentinels.url));

  // Last: the topology is left with one master and no replica.
  it("fail no request while the master dies mid-load, and share the limit again once the sentinels promoted its replica", async () => {
    await checkFailoverUnderLoad("Sentinel", sentinels.url, async () => {
      await sentinels.killMaster();
      await sentinels.failedOver(15_000);
      return sentinels.replicaPort;
    });
  }, 60_000);
});
