/**
 * CRD files in an output folder that a run does not write: those `--check` calls "extra", and
 * which of them generating removes. A CRD whose `@plural` or kind changed, or a switch of
 * `--format`, leaves the old file behind; `--check` would fail on it for ever if generating kept it.
 *
 * Generating removes only files that are recognisably crdgen's own: named `<group>_<plural>.<ext>`
 * for the CRD they hold, and byte for byte what crdgen renders for that CRD. A CRD written by
 * hand, by another tool or edited since is kept: `--check` names it for the user to delete.
 */
import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { CustomResourceDefinition } from "../schema/types.js";
import { parseYamlDocuments } from "../yaml/load.js";
import { fileNameFor, renderCrd, type OutputFormat } from "./render.js";

export interface ExtraCrdFile {
  /** Absolute path. */
  path: string;
  text: string;
  /** Whether crdgen wrote it (see above), so that generating removes it. */
  crdgenOutput: boolean;
}

/** Names crdgen gives CRD files, and the text that makes a file a CRD to `--check`. */
const CRD_FILE_NAME = /_[a-z0-9-]+\.(ya?ml|json)$/;
const CRD_KIND = /kind:\s*CustomResourceDefinition|"kind":\s*"CustomResourceDefinition"/;

/**
 * What a long-lived session knows of the files it kept: by path, the file's `mtime:size` and
 * whether it is crdgen's. A kept CRD (one written by hand) is then not read again on every run.
 */
export type KeptFiles = Map<string, { stamp: string; crdgenOutput: boolean }>;

/**
 * The files in `outDir` (not its subfolders) that look like CRD files crdgen writes (a name
 * `<group>_<plural>.yaml|json` and a CustomResourceDefinition inside) but are not among
 * `expected` (absolute paths). Other files (kustomization.yaml, READMEs) are not looked at.
 */
export async function extraCrdFiles(outDir: string, expected: ReadonlySet<string>): Promise<ExtraCrdFile[]> {
  const out: ExtraCrdFile[] = [];
  for (const file of await candidates(outDir, expected)) {
    const text = await readOptional(file);
    if (text === undefined || !CRD_KIND.test(text)) continue;
    out.push({ path: file, text, crdgenOutput: isCrdgenOutput(file, text) });
  }
  return out;
}

/** A file of `outDir` named otherwise than crdgen names CRD files that holds a CRD a run makes. */
export interface DuplicateCrdFile {
  /** Absolute path. */
  path: string;
  text: string;
  /** The CRD's name (`widgets.example.com`). */
  name: string;
  /** The file the run writes that CRD to. */
  generated: string;
}

/**
 * The files in `outDir` (not its subfolders), named otherwise than crdgen names CRD files, that
 * hold a CRD of a name among `generated` (absolute path by CRD name): a CRD kept from before
 * crdgen (`widget-crd.yaml`), which `kubectl apply -f <outDir>` applies beside the generated one,
 * the file applied last winning. Only YAML and JSON files are read; other files are not looked at.
 */
export async function duplicateCrdFiles(
  outDir: string,
  generated: ReadonlyMap<string, string>,
): Promise<DuplicateCrdFile[]> {
  const out: DuplicateCrdFile[] = [];
  const files = (await listFiles(outDir)).filter((f) => CRD_FILE_EXT.test(f) && !CRD_FILE_NAME.test(f));
  for (const file of files) {
    const text = await readOptional(file);
    if (text === undefined || !CRD_KIND.test(text)) continue;
    for (const name of crdNamesIn(text, file)) {
      const target = generated.get(name);
      if (target !== undefined && target !== file) {
        out.push({ path: file, text, name, generated: target });
        break;
      }
    }
  }
  return out;
}

const CRD_FILE_EXT = /\.(ya?ml|json)$/;

/** The names of the CRDs a YAML stream or JSON file holds (a kind: List's items too); none when unreadable. */
function crdNamesIn(text: string, file: string): string[] {
  let values: unknown[];
  if (file.endsWith(".json")) {
    try {
      values = [JSON.parse(withLf(text)) as unknown];
    } catch {
      return [];
    }
  } else {
    const { documents } = parseYamlDocuments(withLf(text), file);
    values = documents.map((d) => d.value);
  }
  const names: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    const v = value as { kind?: unknown; metadata?: { name?: unknown }; items?: unknown };
    if (v.kind === "CustomResourceDefinition" && typeof v.metadata?.name === "string")
      names.push(v.metadata.name);
    else if (Array.isArray(v.items)) v.items.forEach(visit);
  };
  values.forEach(visit);
  return names;
}

/**
 * Removes the CRD files crdgen wrote in `outDir` that `written` (a run's files) no longer
 * includes; returns their paths, sorted. `kept` remembers the other files between calls.
 */
export async function removeStaleCrdFiles(
  outDir: string,
  written: readonly { path: string }[],
  kept: KeptFiles = new Map(),
): Promise<string[]> {
  const stale: string[] = [];
  for (const file of await candidates(outDir, new Set(written.map((f) => path.resolve(f.path))))) {
    const stamp = await stampOf(file);
    let verdict = kept.get(file);
    if (verdict?.stamp !== stamp) {
      const text = await readOptional(file);
      verdict = {
        stamp,
        crdgenOutput: text !== undefined && CRD_KIND.test(text) && isCrdgenOutput(file, text),
      };
    }
    if (verdict.crdgenOutput) {
      await rm(file, { force: true });
      stale.push(file);
      kept.delete(file);
    } else kept.set(file, verdict);
  }
  return stale;
}

/**
 * Whether `text` is what crdgen renders for the CRD it holds, in a file of the name crdgen gives
 * it. Line endings aside: a checkout that turns LF into CRLF (git on Windows) leaves it crdgen's.
 */
export function isCrdgenOutput(file: string, written: string): boolean {
  const format: OutputFormat = file.endsWith(".json") ? "json" : "yaml";
  const text = withLf(written);
  const crd = parseSingleCrd(text, format);
  if (crd === undefined) return false;
  try {
    return path.basename(file) === fileNameFor(crd, format) && renderCrd(crd, format) === text;
  } catch {
    return false; // A shape crdgen never writes: not its output.
  }
}

/** `text` with CRLF line endings turned into the LF crdgen writes. */
export function withLf(text: string): string {
  return text.includes("\r\n") ? text.replaceAll("\r\n", "\n") : text;
}

function parseSingleCrd(text: string, format: OutputFormat): CustomResourceDefinition | undefined {
  let value: unknown;
  if (format === "json") {
    try {
      value = JSON.parse(text);
    } catch {
      return undefined;
    }
  } else {
    const { documents, errors } = parseYamlDocuments(text, "");
    if (errors.length > 0 || documents.length !== 1) return undefined;
    value = documents[0]!.value;
  }
  return isCrd(value) ? value : undefined;
}

function isCrd(value: unknown): value is CustomResourceDefinition {
  if (typeof value !== "object" || value === null) return false;
  const v = value as {
    apiVersion?: unknown;
    kind?: unknown;
    spec?: { group?: unknown; names?: { plural?: unknown } };
  };
  return (
    v.apiVersion === "apiextensions.k8s.io/v1" &&
    v.kind === "CustomResourceDefinition" &&
    typeof v.spec?.group === "string" &&
    typeof v.spec.names?.plural === "string"
  );
}

/** The files of `outDir` named as crdgen names CRD files, but for `expected`; sorted. */
async function candidates(outDir: string, expected: ReadonlySet<string>): Promise<string[]> {
  return (await listFiles(outDir)).filter((f) => !expected.has(f) && CRD_FILE_NAME.test(f));
}

async function stampOf(file: string): Promise<string> {
  try {
    const s = await stat(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return "missing";
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.resolve(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}
