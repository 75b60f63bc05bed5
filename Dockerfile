# cxq: GitOps for NICE CXone queue routing.
# The code runs on Node 20 and later; the image uses Node 24 (active LTS; Node 20 reached end of life
# in April 2026), pinned to an exact release AND to the digest of its multi-architecture image index,
# so a rebuild uses the same bytes and a re-pushed tag cannot change what we build on.
#
# No `# syntax=` line: nothing here needs a Dockerfile frontend newer than the one built into the
# engine (no RUN --mount, no heredocs), and the line would make BuildKit fetch the frontend image from
# Docker Hub on every build, which fails on offline or mirrored builders.
#
# Updating the base (a new Node release, or the same tag rebuilt for Debian fixes):
#   1. set the version in both FROM lines;
#   2. docker buildx imagetools inspect node:<version>-bookworm-slim   # the "Digest:" line (the index)
#      (or: docker pull node:<version>-bookworm-slim &&
#           docker image inspect --format '{{index .RepoDigests 0}}' node:<version>-bookworm-slim)
#   3. put that digest in BASE_DIGEST below and run scripts/docker-check.sh.
#   Renovate and Dependabot (docker ecosystem) update FROM digests like this one by themselves.
#
# The digest is the image index public pins of this tag name; Docker Hub was unreachable where it
# was written, so verify it (step 2) before a release: a wrong digest fails the pull, nothing else.
# BASE_DIGEST is an ARG only so that scripts/docker-check.sh can build on a locally made stand-in
# of the base (no registry, so no digest; see docs/ci/docker.md). Leave it alone for real builds.
ARG BASE_DIGEST=@sha256:2fe369e969550cde8e867afc3fe370b260140cab4a23d467074295b42163d553

FROM node:24.21.0-bookworm-slim${BASE_DIGEST} AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
# The build precompiles the queue schema into dist/ (npm run build → precompile.js), so it needs it.
COPY schemas ./schemas
RUN npm run build

FROM node:24.21.0-bookworm-slim${BASE_DIGEST} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schemas ./schemas
RUN chmod 0755 /app/dist/cli.js && ln -s /app/dist/cli.js /usr/local/bin/cxq
# Definitions are mounted at /work; reports are written below it (./cxq-reports). In CI run the
# container as the owner of the checkout (docker run --user "$(id -u):$(id -g)"): the default user
# `node` is uid 1000, GitHub-hosted runners are uid 1001, so `node` could not write the reports.
# The image needs no git: the commit for saved plans and reports is read from /work/.git directly
# (or taken from CXQ_GIT_COMMIT / GITHUB_SHA / CI_COMMIT_SHA when passed with -e).
WORKDIR /work
USER node
ENTRYPOINT ["cxq"]
CMD ["--help"]
