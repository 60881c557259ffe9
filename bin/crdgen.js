#!/usr/bin/env node
import { loadMain } from "../dist/src/cli/entry.js";
import { guardOutput, setExitCode } from "../dist/src/cli/output-errors.js";

const streams = { stdout: process.stdout, stderr: process.stderr };
guardOutput(streams);
const main = await loadMain();
setExitCode(await main(process.argv.slice(2), { ...streams, cwd: process.cwd() }));
