#!/usr/bin/env node
import { loadCli } from "../dist/src/cli/entry.js";

const { main, guardOutput, setExitCode } = await loadCli();
const streams = { stdout: process.stdout, stderr: process.stderr };
guardOutput(streams);
setExitCode(await main(process.argv.slice(2), { ...streams, cwd: process.cwd() }));
