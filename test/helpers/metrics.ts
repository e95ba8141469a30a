import { setTimeout as pause } from "node:timers/promises";
import { requestOnNewConnection } from "./new-connection";

/** One sample of a Prometheus text exposition: the value of `name` with exactly these labels. */
export function sample(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((row) => row.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

/**
 * Scrapes `/metrics` of the gateway whose GraphQL endpoint is `graphqlUrl`, on a connection of its
 * own: tests poll it, and a poll must not depend on a pooled connection's idle timers.
 */
export async function scrape(graphqlUrl: string): Promise<string> {
  const response = await requestOnNewConnection(graphqlUrl.replace(/\/graphql$/, "/metrics"));
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text;
}

/**
 * Waits until `condition` holds, checking again after each short pause. Only how long the wait takes
 * depends on the machine: the test goes on once the state it needs is there, and a state that never
 * comes ends in the test's timeout, not in a wrong answer.
 */
export async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await pause(10);
}

/** How many subscriptions the gateway holds over graphql-ws now: a barrier for "the server has it". */
export async function wsSubscriptions(graphqlUrl: string): Promise<number> {
  return sample(await scrape(graphqlUrl), "b24gw_subscriptions_active", '{transport="ws"}') ?? 0;
}

/**
 * `b24gw_rate_limit_shared` of the gateway: 1 while it draws on the rate limit kept in Redis (so
 * Redis answers it), 0 while it models a local share.
 */
export async function rateLimitShared(graphqlUrl: string): Promise<number | undefined> {
  return sample(await scrape(graphqlUrl), "b24gw_rate_limit_shared");
}
