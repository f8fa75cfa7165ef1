# syntax=docker/dockerfile:1
# Two images from one file:
#   runner (the default, last stage): Next's standalone server, `node server.js`, as the unprivileged `node` user.
#   migrate: the source and production dependencies, for `npm run db:migrate` and the other database tasks
#            (`db:seed`, `admin:create`). Migrations never run when the runner starts.
# Build: docker build -t emporium:0.1.0 .   and   docker build --target migrate -t emporium-migrate:0.1.0 .
ARG NODE_IMAGE=node:20.20.0-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS migrate
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
USER node
CMD ["npm", "run", "db:migrate"]

FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# The standalone folder holds server.js and the traced node_modules; static assets are served from beside it.
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# Local files (labels, images) go here when S3_BUCKET is unset: mount a volume to keep them.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
