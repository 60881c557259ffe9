/** In-memory CliIo and temporary folders of CRD files for CLI tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { runCli, type CliRun } from "../helpers/cli.js";

export type RunResult = CliRun;

/** `crdgen diff <args>`, run in-process through the CLI's own entry point. */
export function run(args: string[], cwd: string): Promise<RunResult> {
  return runCli(["diff", ...args], cwd);
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `crdgen-diff-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `docs` as one multi-document YAML file at `dir/relative`. */
export function writeYaml(dir: string, relative: string, docs: unknown[]): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, docs.map((d) => stringify(d)).join("---\n"));
  return file;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}
