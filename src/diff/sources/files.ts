/**
 * Reads one side of a diff from the file system: a single file, or every
 * `*.yaml`/`*.yml`/`*.json` below a folder (hidden folders and node_modules skipped),
 * in a sorted order so the result never depends on directory listing order.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseYamlDocuments, type YamlProblem } from "../../yaml/load.js";
import {
  describeYamlProblems,
  kubectlCrds,
  type CrdSetResult,
  type KubectlReading,
  type SourcedCrd,
} from "./crd-documents.js";

const MANIFEST = /\.(ya?ml|json)$/i;

async function manifestsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      files.push(...(await manifestsUnder(full)));
    } else if (entry.isFile() && MANIFEST.test(entry.name)) {
      files.push(full);
    }
  }
  return files;
}

/** The path as shown to users: relative to the working directory, with `/`. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join("/");
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

/** Loads the CRDs at `target` (absolute). Unreadable paths and invalid YAML are errors. */
export async function loadCrdsFromPath(target: string, cwd: string): Promise<CrdSetResult> {
  let files: string[];
  try {
    files = (await stat(target)).isDirectory() ? await manifestsUnder(target) : [target];
  } catch (error) {
    return { ok: false, error: `cannot read ${displayPath(target, cwd)}: ${reason(error)}` };
  }
  const crds: SourcedCrd[] = [];
  const problems: YamlProblem[] = [];
  const kubectlReadings: KubectlReading[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      return { ok: false, error: `cannot read ${displayPath(file, cwd)}: ${reason(error)}` };
    }
    const shownFile = displayPath(file, cwd);
    const parsed = parseYamlDocuments(text, shownFile);
    problems.push(...parsed.errors);
    const read = kubectlCrds(parsed, shownFile);
    crds.push(...read.crds);
    kubectlReadings.push(...read.readings);
  }
  if (problems.length > 0) return { ok: false, error: describeYamlProblems(problems) };
  return { ok: true, crds, kubectlReadings };
}
