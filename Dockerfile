# concept-bot: the Discord bot in a container, as a non-root user, with a healthcheck.
#
#   docker build -t concept-bot .
#   docker run -d --name concept-bot --init --env-file .env -v concept-bot-data:/data \
#     --stop-timeout 20 --restart on-failure concept-bot
#
# SIGTERM (docker stop) makes the bot drain its queued replies for SHUTDOWN_DRAIN_SECONDS before it
# exits; keep docker's stop timeout (--stop-timeout, compose stop_grace_period) above that. Exit 1
# means replies were lost in the drain, 2 a setting to fix (token, intents): see the README.
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    KNOWLEDGE_DIR=/app/knowledge \
    DATA_DIR=/data \
    HEALTH_FILE=/tmp/concept-bot-health.json \
    SHUTDOWN_DRAIN_SECONDS=10

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY knowledge ./knowledge
COPY scripts/healthcheck.mjs ./scripts/healthcheck.mjs

# The official image's unprivileged `node` user owns only the learning data.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]

# Healthy while the gateway is connected (or resuming for under 2 minutes) and the process is not hung.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "scripts/healthcheck.mjs"]

STOPSIGNAL SIGTERM
# The runtime itself, not npm, so the signal reaches the bot directly.
CMD ["node", "--max-semi-space-size=32", "--import", "tsx", "src/main.ts"]
