import type { RedisConnection, RedisState } from "../../src/redis/redis-connection";

/** Resolves once `connection` is in `state`: a barrier for "Redis is away" or "back". */
export function reaches(connection: RedisConnection, state: RedisState): Promise<void> {
  if (connection.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = connection.onChange((now) => {
      if (now !== state) return;
      stop();
      resolve();
    });
  });
}
