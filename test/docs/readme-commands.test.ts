/**
 * README's commands and flags against the command line's own `--help` (bin/crdgen.js: run
 * `npm run build` first): the usage block README copies lists exactly each command's options, every
 * `--flag` README writes is one of crdgen's (or another tool's, listed below with why), a flag written
 * after `crdgen check` or `crdgen diff` is that command's, and the first commands README shows work.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { README, ROOT, crdgen, fencedBlocks, lineOf } from "./readme.js";

type Command = "generate" | "check" | "diff";
const COMMANDS: readonly Command[] = ["generate", "check", "diff"];

/** Flags README writes that are not crdgen's, and why README names them. */
const OTHER_TOOLS_FLAGS = new Map([
  ["--save-dev", "npm install's flag, in README's install command"],
  ["--include-crds", "helm template's flag, without which a chart's CRDs are not rendered"],
  ["--server-side", "kubectl apply's flag, the way around CRD2007"],
  ["--max-request-bytes", "etcd's flag, which raises the size CRD2008 is about"],
  ["--depth", "git fetch's flag, to bring the ref `crdgen diff --base` reads into a shallow clone"],
  ["--noEmit", "tsc's flag, the type check crdgen is compared with"],
  ["--frmat", "README's example of a misspelt option and its did-you-mean"],
]);

function help(command: Command): string {
  const r = crdgen(command === "generate" ? ["--help"] : [command, "--help"]);
  expect(r.status).toBe(0);
  return r.stdout;
}

/** The flags (`-o`, `--out-dir`) written in `text`. */
function flagsIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w-])--?[a-zA-Z][\w-]*/g)].map((m) => m[0]);
}

/** The flags of a `--help`'s "Options:" section. */
function helpFlags(command: Command): Set<string> {
  const options = /^Options:\n([\s\S]*?)(?:\n\n|(?![\s\S]))/m.exec(help(command));
  expect(options, `crdgen ${command} --help has an Options: section`).not.toBeNull();
  return optionFlags(options![1]!);
}

/** The flags that start option lines (`  -o, --out-dir <dir>  where...`); the rest is their description. */
function optionFlags(text: string): Set<string> {
  return new Set(text.split("\n").flatMap((l) => flagsIn(/^\s+((-[\w-]+,? ?)+)/.exec(l)?.[1] ?? "")));
}

/** README's copy of the usage, split by command: each part starts at a line `crdgen [check|diff] ...`. */
function readmeUsage(): Map<Command, string> {
  const block = fencedBlocks().find((b) => b.lang === "" && b.code.startsWith("crdgen [options]"));
  expect(block, "README's usage block (a plain fenced block starting `crdgen [options]`)").toBeDefined();
  const parts = new Map<Command, string>();
  let current: Command = "generate";
  for (const line of block!.code.split("\n")) {
    const start = /^crdgen (check|diff)\b/.exec(line);
    if (start) current = start[1] as Command;
    parts.set(current, (parts.get(current) ?? "") + line + "\n");
  }
  return parts;
}

/** The words naming a `--format` value in `text`'s `--format` line. */
function formatValues(text: string): string[] {
  const line = text.split("\n").find((l) => /^\s*--format\b/.test(l)) ?? "";
  return [...new Set(line.match(/\b(yaml|json|human|github|markdown)\b/g) ?? [])].sort();
}

describe("README's usage block against each command's --help", () => {
  const usage = readmeUsage();

  it.each(COMMANDS)("crdgen %s: the same options", (command) => {
    const documented = optionFlags(usage.get(command) ?? "");
    expect([...documented].sort()).toEqual([...helpFlags(command)].sort());
  });

  it.each(COMMANDS)("crdgen %s: the same --format values", (command) => {
    expect(formatValues(usage.get(command) ?? "")).toEqual(formatValues(help(command)));
  });
});

describe("every flag README writes", () => {
  const all = new Map(COMMANDS.map((c) => [c, helpFlags(c)]));

  it("is one of crdgen's, or another tool's named in the list above", () => {
    const known = new Set([...all.values()].flatMap((s) => [...s]));
    const unknown = [...README.matchAll(/(?<![\w-])--[a-zA-Z][\w-]*/g)]
      .filter((m) => !known.has(m[0]) && !OTHER_TOOLS_FLAGS.has(m[0]))
      .map((m) => `${m[0]} (line ${lineOf(m.index)})`);
    expect(unknown).toEqual([]);
  });

  it("after `crdgen check` or `crdgen diff` (or crdgen alone) is that command's", () => {
    // Inline code and command lines: a command runs from `crdgen` to a pipe, `&&`, `#` or the end.
    const segments = [...README.matchAll(/`([^`\n]+)`|^(.*)$/gm)].map((m) => ({
      text: m[1] ?? m[2]!,
      at: m.index,
    }));
    const wrong: string[] = [];
    for (const { text, at } of segments) {
      for (const m of text.matchAll(/(?<![\w/-])crdgen(?: (check|diff)\b)?([^|&#`]*)/g)) {
        const command = (m[1] ?? "generate") as Command;
        for (const flag of flagsIn(m[2]!)) {
          if (!all.get(command)!.has(flag) && !OTHER_TOOLS_FLAGS.has(flag)) {
            wrong.push(`${flag} in "${m[0].trim()}" (line ${lineOf(at)})`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("README's first commands", () => {
  const first = fencedBlocks()[0]!;
  const commands = first.code
    .split("\n")
    .filter(Boolean)
    .map((line) => line.replace(/#.*$/, "").trim());

  it("are the ones this test runs", () => {
    expect(first.lang).toBe("sh");
    expect(commands).toEqual(["npm ci && npx crdgen examples/cronjob/types.ts --stdout", "npm test"]);
  });

  it("npx crdgen examples/cronjob/types.ts --stdout prints the example's CRD", () => {
    // `npm ci` is left out: the checkout is installed already, and the tests never install.
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const r = spawnSync(npx, ["--no-install", "crdgen", "examples/cronjob/types.ts", "--stdout"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^---\napiVersion: apiextensions\.k8s\.io\/v1\nkind: CustomResourceDefinition\n/,
    );
    expect(r.stdout).toContain("  name: cronjobs.batch.example.com\n");
  });

  it("npm test runs vitest, and every `npm run <script>` README names is a script", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.test).toMatch(/^vitest run\b/);
    // `npm run gen` is README's example of a user's own script that runs crdgen.
    const named = [...README.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!).filter((s) => s !== "gen");
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((s) => !(s in pkg.scripts))).toEqual([]);
  });
});
