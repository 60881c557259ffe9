// @ts-check
/**
 * The tools being compared, and the exact command each runs on a benchmark case.
 *
 * Every Node tool is started as `node <its bin script>` rather than through `npx` or
 * `node_modules/.bin`, so no launcher process is timed. TypeScript 7's `tsc` is a Node script that
 * starts a platform-specific native binary; we ask the package's own `getExePath()` where that
 * binary is and run it directly, which is the floor we want.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * @typedef {object} BenchCase
 * @property {string} id          e.g. "synthetic-1000", "example-cronjob"
 * @property {string} label
 * @property {number | null} size number of synthetic interfaces, null for examples
 * @property {string[]} entries   crdgen's entry files
 * @property {string} tsconfig    lists exactly the entries; used by tsc and the JSON-schema tools
 * @property {string} rootFile    the file declaring rootType
 * @property {string} rootType    the CRD root handed to the single-type tools
 */

/**
 * @typedef {object} Tool
 * @property {string} id
 * @property {string} label
 * @property {string} version
 * @property {(c: BenchCase) => { command: string, args: string[] }} command
 */

/**
 * @param {string} repo
 * @param {string} crdgenBin  path to bin/crdgen.js (this repo's unless --crdgen says otherwise)
 * @returns {{ tools: Tool[], skipped: string[] }}
 */
export function loadTools(repo, crdgenBin) {
  const require = createRequire(path.join(repo, "package.json"));
  const node = process.execPath;
  /** @type {Tool[]} */
  const tools = [];
  /** @type {string[]} */
  const skipped = [];

  const crdgenVersion = run(node, [crdgenBin, "--version"]) || "unknown";
  tools.push({
    id: "crdgen",
    label: "crdgen",
    version: crdgenVersion,
    command: (c) => ({ command: node, args: [crdgenBin, ...c.entries, "--stdout"] }),
  });
  tools.push({
    id: "crdgen-no-tc",
    label: "crdgen --no-type-check",
    version: crdgenVersion,
    command: (c) => ({ command: node, args: [crdgenBin, ...c.entries, "--stdout", "--no-type-check"] }),
  });

  const ts6 = packageBin(require, "typescript", "tsc");
  if (ts6 && ts6.version.startsWith("6.")) {
    tools.push({
      id: "tsc6",
      label: "tsc --noEmit (TS 6, baseline)",
      version: ts6.version,
      command: (c) => ({ command: node, args: [ts6.bin, "--noEmit", "-p", c.tsconfig] }),
    });
  } else skipped.push(`tsc 6: devDependency typescript@6 not found (found ${ts6?.version ?? "none"})`);

  const ts7exe = typescript7Exe(require);
  if (typeof ts7exe === "string") {
    tools.push({
      id: "tsc7",
      label: "tsc --noEmit (TS 7 native)",
      version: run(ts7exe, ["-v"]).replace(/^Version\s+/, "") || "unknown",
      command: (c) => ({ command: ts7exe, args: ["--noEmit", "-p", c.tsconfig] }),
    });
  } else skipped.push(`tsc 7: ${ts7exe.reason}`);

  const tsjsg = packageBin(require, "ts-json-schema-generator", "ts-json-schema-generator");
  if (tsjsg) {
    tools.push({
      id: "tsjsg",
      label: "ts-json-schema-generator",
      version: tsjsg.version,
      // Type checking stays on (its default), as it does for crdgen.
      command: (c) => ({
        command: node,
        args: [tsjsg.bin, "--path", c.rootFile, "--type", c.rootType, "--tsconfig", c.tsconfig],
      }),
    });
  } else skipped.push("ts-json-schema-generator: not installed");

  const tjs = packageBin(require, "typescript-json-schema", "typescript-json-schema");
  if (tjs) {
    tools.push({
      id: "tjs",
      label: "typescript-json-schema",
      version: tjs.version,
      // --required: list required properties, as a CRD schema must.
      command: (c) => ({
        command: node,
        args: [tjs.bin, c.tsconfig, c.rootType, "--required", "--strictNullChecks"],
      }),
    });
  } else skipped.push("typescript-json-schema: not installed");

  return { tools, skipped };
}

/**
 * @param {NodeJS.Require} require
 * @param {string} pkg
 * @param {string} binName
 * @returns {{ bin: string, version: string } | null}
 */
function packageBin(require, pkg, binName) {
  let manifestPath;
  try {
    manifestPath = require.resolve(`${pkg}/package.json`);
  } catch {
    return null;
  }
  /** @type {{ version: string, bin?: string | Record<string, string> }} */
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const rel = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[binName];
  if (!rel) return null;
  return { bin: path.join(path.dirname(manifestPath), rel), version: manifest.version };
}

/**
 * TypeScript 7 is installed under the alias `typescript7` (the name `typescript` is TS 6, which
 * ts-morph and the build use).
 * @param {NodeJS.Require} require
 * @returns {string | { reason: string }}
 */
function typescript7Exe(require) {
  let manifestPath;
  try {
    manifestPath = require.resolve("typescript7/package.json");
  } catch {
    return { reason: "devDependency typescript7 (npm:typescript@7) not installed" };
  }
  const helper = path.join(path.dirname(manifestPath), "lib", "getExePath.js");
  if (!existsSync(helper)) return { reason: `${helper} missing: not a TypeScript 7 package?` };
  // getExePath.js is an ES module; run it in a child so loading stays synchronous here.
  const script = `import(${JSON.stringify(pathToFileURL(helper).href)}).then(m => process.stdout.write(m.default()))`;
  const exe = run(process.execPath, ["-e", script]);
  return exe && existsSync(exe) ? exe : { reason: "its native binary for this platform was not found" };
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}
