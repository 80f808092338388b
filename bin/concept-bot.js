#!/usr/bin/env node
// `concept-bot <command>` (package.json "bin"): the project's TypeScript, run through tsx in this process.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/conceptBot.ts');
