/** Jest runs the TypeScript sources through SWC, with decorator metadata on (type-graphql reads it). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: "es2022",
        },
        module: { type: "commonjs" },
      },
    ],
  },
  testTimeout: 30000,
  // Fails the run when a process a test started (a gateway, a portal, a server) outlives the tests.
  globalSetup: "<rootDir>/test/process-check/global-setup.ts",
  globalTeardown: "<rootDir>/test/process-check/global-teardown.ts",
  // Most of a test's time is spent waiting on loopback I/O, so two workers on a 2-core machine halve
  // the wall time (jest would take one: cores - 1). Tests share nothing: random ports, Redis keys
  // under a random prefix, each its own clock.
  maxWorkers: 2,
};
