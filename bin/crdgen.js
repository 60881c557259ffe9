#!/usr/bin/env node
// The command line is in dist/, which `npm run build` makes. It is loaded with import() so that a
// build that is missing or cut short (or a dependency not installed) is one line and exit code 1,
// not Node's stack trace. Nothing else is imported here (see dist/src/cli/entry.js).
let cli;
try {
  cli = await (await import("../dist/src/cli/entry.js")).loadCli(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`crdgen: ${whyNotLoaded(error)}\n`);
  process.exitCode = 1;
}
if (cli) {
  const { main, guardOutput, setExitCode } = cli;
  const streams = { stdout: process.stdout, stderr: process.stderr };
  guardOutput(streams);
  setExitCode(await main(process.argv.slice(2), { ...streams, cwd: process.cwd() }));
}

/** What to do about a command line that could not be loaded. */
function whyNotLoaded(error) {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const pkg = /Cannot find package '([^']+)'/.exec(message);
  if (pkg) return `its dependency ${pkg[1]} is not installed: run \`npm install\``;
  const module = /Cannot find module '([^']+)'/.exec(message);
  const what = module ? `${module[1]} is missing` : message;
  return `its build (dist/) is missing or incomplete (${what}): run \`npm run build\``;
}
