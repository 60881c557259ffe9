/** README.md as the docs tests read it: its fenced blocks, its prose, and the commands it shows. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

export interface Block {
  /** The info string after the opening fence (`ts`, `sh`, or "" for none). */
  lang: string;
  code: string;
  /** 1-based line of the opening fence, for failure messages. */
  line: number;
}

/** Every fenced block, in order. */
export function fencedBlocks(): Block[] {
  return [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1]!,
    code: m[2]!,
    line: README.slice(0, m.index).split("\n").length,
  }));
}

/** The README's text with its fenced blocks blanked out (line numbers kept). */
export function prose(): string {
  return README.replace(/^```\w*\n[\s\S]*?^```$/gm, (block) => block.replace(/[^\n]/g, " "));
}

/** The 1-based line of `index` in README. */
export function lineOf(index: number): number {
  return README.slice(0, index).split("\n").length;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command line (`npm run build` first), as `npx crdgen` runs it. */
export function crdgen(args: readonly string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/crdgen.js"), ...args], {
    cwd,
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
