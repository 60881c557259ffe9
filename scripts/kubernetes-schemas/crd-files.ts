/**
 * Loads the CRDs used as evidence: controller-gen's golden CronJob (authoritative; it embeds
 * batch/v1 JobTemplateSpec with the full PodTemplateSpec, generated from the same Kubernetes
 * release as the client-node models) and the shared corpus of real-world CRDs.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import type { CrdNode, CrdSource } from "./crd-evidence.js";

export const GOLDEN_CRONJOB = "shared/anchors/controller-gen/testdata.kubebuilder.io_cronjobs.yaml";
export const CORPUS_DIR = "shared/corpus/crds";

/** `sharedParent` is the folder that holds `shared/` (the repository's parent). */
export function loadEvidenceSources(sharedParent: string): CrdSource[] {
  const golden = readCrdFile(path.join(sharedParent, GOLDEN_CRONJOB), true);
  const corpusDir = path.join(sharedParent, CORPUS_DIR);
  const corpus = yamlFiles(corpusDir).map((file) => readCrdFile(file, false, path.relative(corpusDir, file)));
  return [golden, ...corpus];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(full);
      return entry.name.endsWith(".yaml") ? [full] : [];
    })
    .sort();
}

function readCrdFile(file: string, authoritative: boolean, name = path.basename(file)): CrdSource {
  const schemas: CrdNode[] = [];
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    const crd: unknown = document.toJS({ maxAliasCount: -1 });
    for (const version of versionsOf(crd)) {
      const schema = version.schema?.openAPIV3Schema;
      if (schema) schemas.push(schema);
    }
  }
  return { name, authoritative, schemas };
}

interface CrdVersion {
  schema?: { openAPIV3Schema?: CrdNode };
}

function versionsOf(crd: unknown): CrdVersion[] {
  if (typeof crd !== "object" || crd === null) return [];
  const spec = (crd as { spec?: { versions?: unknown } }).spec;
  return Array.isArray(spec?.versions) ? (spec.versions as CrdVersion[]) : [];
}
