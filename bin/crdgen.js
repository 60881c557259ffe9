#!/usr/bin/env node
import { loadMain } from "../dist/src/cli/entry.js";

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
