# SkillCert's server image, for WeChat Cloud Hosting (微信云托管) or a server of one's own.
#   docker build -t skillcert .
#   docker run -p 3000:3000 --env-file production.env skillcert
# The environment it needs is in the README ("Deploying"); production refuses to start without it.

# ---- build: everything, then the server bundle with production dependencies only ----
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so a change of code alone reuses this layer.
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY miniprogram/package.json miniprogram/
COPY scripts/test-support/package.json scripts/test-support/
# `npm install`, not `npm ci`: the lockfile holds Taro's native builds for this platform only (see README).
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build -w @skillcert/shared \
 && npm run build -w @skillcert/server \
 && npm run build:h5 -w @skillcert/miniprogram \
 && node scripts/bundle-server.mjs /app

# ---- run: Node, the bundle, a Chinese font for ticket PDFs; no compiler, no sources, not root ----
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build --chown=node:node /app /app
WORKDIR /app
USER node
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 LOG_FORMAT=json
EXPOSE 3000
# SIGTERM drains requests under way and exits within 10 s (the platform's patience is longer).
STOPSIGNAL SIGTERM
CMD ["node", "server/dist/main.js"]
