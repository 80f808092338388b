#!/usr/bin/env node
/**
 * Container healthcheck for the gateway bot (Docker HEALTHCHECK, or any supervisor): exits 0 when the
 * bot's health file (HEALTH_FILE, written by src/discord/lifecycle/HealthFile.ts) was rewritten in the
 * last 60 s and says the gateway is connected, or has been reconnecting for less than 2 minutes;
 * exits 1 otherwise, with the reason on stderr. Plain Node, no dependencies, so it starts fast.
 *
 *   HEALTH_FILE=/tmp/concept-bot-health.json node scripts/healthcheck.mjs
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';

const STALE_MS = 60_000;
const RECONNECT_GRACE_MS = 120_000;

function unhealthy(reason) {
  process.stderr.write(`unhealthy: ${reason}\n`);
  process.exit(1);
}

const file = process.env.HEALTH_FILE;
if (!file) unhealthy('HEALTH_FILE is not set');
let health;
try {
  health = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  unhealthy(
    `cannot read ${file} (${error.code ?? error.message}): the bot is not running or not connected yet`,
  );
}
const now = Date.now();
const at = Date.parse(health.at);
const since = Date.parse(health.since);
if (!Number.isFinite(at) || now - at > STALE_MS)
  unhealthy(`${file} was last written at ${health.at}: the bot is hung`);
if (health.status === 'connected') process.exit(0);
if (health.status === 'reconnecting' && now - since < RECONNECT_GRACE_MS) process.exit(0);
unhealthy(`gateway ${health.status} since ${health.since}`);
