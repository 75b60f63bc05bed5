# syntax=docker/dockerfile:1
# cxq: GitOps for NICE CXone queue routing.
# The code runs on Node 20 and later; the image uses Node 24 (active LTS; Node 20 reached end of life
# in April 2026), pinned to an exact release so that a rebuild is reproducible.

FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
RUN npm run build

FROM node:24.21.0-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schemas ./schemas
RUN chmod 0755 /app/dist/cli.js && ln -s /app/dist/cli.js /usr/local/bin/cxq
# Definitions are mounted at /work; reports are written below it (./cxq-reports).
WORKDIR /work
USER node
ENTRYPOINT ["cxq"]
CMD ["--help"]
