/** The real-world CRD corpus (../shared/corpus), parsed once per test file. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { SHARED } from "./anchors.js";

export const CORPUS = `${SHARED}corpus/`;

export interface CorpusCrd {
  /** Path relative to corpus/. */
  file: string;
  crd: Record<string, unknown>;
}

/** The YAML files under corpus/<folder>/, sorted (the 215 real CRDs are under `crds`). */
export function corpusFiles(folder: "crds" | "nonstructural"): string[] {
  return yamlFiles(`${CORPUS}${folder}/`);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = `${dir}${name}`;
      if (statSync(full).isDirectory()) return yamlFiles(`${full}/`);
      return name.endsWith(".yaml") ? [full] : [];
    });
}

let cache: Map<string, CorpusCrd[]> | undefined;

/** Every CustomResourceDefinition document under corpus/<folder>/. */
export function corpusCrds(folder: "crds" | "nonstructural"): CorpusCrd[] {
  cache ??= new Map();
  const cached = cache.get(folder);
  if (cached) return cached;
  const out: CorpusCrd[] = [];
  for (const path of yamlFiles(`${CORPUS}${folder}/`)) {
    const docs = parseAllDocuments(readFileSync(path, "utf8"));
    for (const doc of Array.isArray(docs) ? docs : []) {
      const value: unknown = doc.toJS();
      if (
        value &&
        typeof value === "object" &&
        (value as { kind?: unknown }).kind === "CustomResourceDefinition"
      ) {
        out.push({ file: path.slice(CORPUS.length), crd: value as Record<string, unknown> });
      }
    }
  }
  cache.set(folder, out);
  return out;
}
