# syntax=docker/dockerfile:1
#
# The gateway's image: `docker build -t b24gw .` at the project root. docs/deployment.md walks through
# it; test/deploy/image.test.ts runs its stages and its start command without a container engine.
#
# Node 24: the gateway needs 24 or later (package.json engines; @apollo/subgraph 2.15 requires it);
# 24 is an LTS line supported until April 2028, the one the gateway is developed, benchmarked and
# first tested on (CI also tests 26: --build-arg NODE_IMAGE=node:26-bookworm-slim). Debian 12 slim:
# glibc, as the gateway is tested on, and no compiler or package cache. Pin a digest
# (node:24-bookworm-slim@sha256:…) where builds must be reproducible; without one, a rebuild takes
# the line's latest security release.
ARG NODE_IMAGE=node:24-bookworm-slim

# The build: every dependency (the compiler, esbuild, the explorer's sources) lives only here.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --workspaces=false: the example frontend (examples/booking-board) is no part of the image.
# --ignore-scripts: the build needs no dependency's install script (esbuild's binary arrives as an
# optional dependency), so none runs.
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --workspaces=false --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs ./scripts/
COPY src ./src
COPY bench ./bench
COPY explorer ./explorer
# tsc into dist/ and the offline GraphiQL bundle into explorer/dist/ (scripts/build.mjs).
RUN npm run build

# The runtime: production dependencies, the compiled code, the explorer bundle and the example
# operations GraphiQL opens with. Nothing is compiled or installed when a container starts.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only: --omit=dev leaves out the devDependencies, --workspaces=false the
# example frontend's workspace (all of whose dependencies are development ones).
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --workspaces=false --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/explorer/dist ./explorer/dist
COPY schema/operations ./schema/operations
# The base image's `node` user, by number so that Kubernetes' runAsNonRoot can verify it. Every file
# above belongs to root: the process can read its code and change none of it.
USER 1000:1000
EXPOSE 4000
# Liveness, with the one tool the image is sure to have: node. /healthz answers while the process
# serves; readiness (/readyz) is the orchestrator's to probe, not the container's health.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
    CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 4000}/healthz`, { signal: AbortSignal.timeout(2500) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and is sent SIGTERM itself (exec form, no shell or npm in between). PID 1 gets no
# default signal handling from the kernel, so a process without a handler would ignore SIGTERM; the
# gateway installs one (src/index.ts) and drains as docs/operations.md says, and it starts no child
# processes whose zombies an init (tini, --init) would have to reap.
STOPSIGNAL SIGTERM
# The flags `npm start` uses (docs/operations.md, "Memory").
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=20", "--liftoff-only", "dist/src/index.js"]
