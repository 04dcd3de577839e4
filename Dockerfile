# One image for the three processes (bots, worker, admin); the compose file picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=true
COPY package.json package-lock.json .npmrc .puppeteerrc.cjs ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY bots bots
COPY worker worker
COPY admin admin
COPY scripts scripts
# scripts/build.sh compiles and copies every asset the built processes read (views, static files, the web chat).
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Chromium from Debian for whatsapp-web.js; tini reaps Chromium's children and forwards SIGTERM.
RUN apt-get update && apt-get install -y --no-install-recommends chromium tini fonts-noto-color-emoji \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PUPPETEER_SKIP_DOWNLOAD=true CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/package.json package.json
COPY .puppeteerrc.cjs LICENSE ./
RUN mkdir -p /data/media /data/wwebjs && chown -R node:node /data
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/admin/main.js"]
