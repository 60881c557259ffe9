/** Loads the shared corpus of real CRDs (`../shared/corpus/crds` beside the repo). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from "../../src/schema/types.js";
import { crdsIn } from "../../src/diff/sources/crd-documents.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";

export const CORPUS_DIR = fileURLToPath(new URL("../../../shared/corpus/crds/", import.meta.url));

export interface CorpusCrd {
  file: string;
  crd: CustomResourceDefinition;
}

let cache: CorpusCrd[] | undefined;

export function loadCorpus(): CorpusCrd[] {
  if (cache) return cache;
  const out: CorpusCrd[] = [];
  for (const project of readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const dir = path.join(CORPUS_DIR, project.name);
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith(".yaml"))
      .sort()) {
      const file = `${project.name}/${name}`;
      const parsed = parseYamlDocuments(readFileSync(path.join(dir, name), "utf8"), file);
      for (const { crd } of crdsIn(parsed.documents)) out.push({ file, crd });
    }
  }
  cache = out;
  return out;
}

/** Kubernetes version priority: GA > beta > alpha, then by number; higher sorts later. */
export function versionPriority(name: string): [number, number, number] {
  const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(name);
  if (!match) return [-1, 0, 0];
  const stability = match[2] === undefined ? 2 : match[2] === "beta" ? 1 : 0;
  return [stability, Number(match[1]), Number(match[3] ?? 0)];
}

export function compareVersionNames(a: string, b: string): number {
  const pa = versionPriority(a);
  const pb = versionPriority(b);
  return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2] || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy of `crd` holding only `version`, renamed to `as` and marked served and stored. */
export function singleVersionView(
  crd: CustomResourceDefinition,
  version: CustomResourceDefinitionVersion,
  as: string,
): CustomResourceDefinition {
  const copy = structuredClone(crd);
  copy.spec.versions = [{ ...structuredClone(version), name: as, served: true, storage: true }];
  return copy;
}
