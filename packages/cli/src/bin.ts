#!/usr/bin/env node
/** The `bridgework` command: `pnpm -s bridgework <command> [options]` from the repository root. */
import { main } from './program.js';

process.exitCode = await main(process.argv.slice(2));
