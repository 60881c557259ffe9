/**
 * The whole generation, without writing anything: read both npm packages, build the stored
 * definitions, fill in list/map semantics from the CRD evidence, and check the result.
 * `generate.ts` writes its output; the tests rerun it to prove the committed file is current.
 */
import path from "node:path";
import type {
  KubernetesSchemaData,
  StoredDefinition,
  StoredSchema,
} from "../../src/read/kubernetes/data-format.js";
import { isWellKnownName } from "../../src/read/kubernetes/well-known.js";
import { applyApimachineryValidations } from "./apimachinery-validations.js";
import { applyEvidence, type EvidenceReport } from "./apply-evidence.js";
import { readClientNode } from "./client-node.js";
import { CrdEvidence } from "./crd-evidence.js";
import { CORPUS_DIR, GOLDEN_CRONJOB, loadEvidenceSources } from "./crd-files.js";
import { buildDefinitions, type BuildReport } from "./definitions.js";
import { readKubernetesModels } from "./kubernetes-models.js";

export interface GenerationResult {
  data: KubernetesSchemaData;
  buildReport: BuildReport;
  evidenceReport: EvidenceReport;
  evidenceFiles: number;
  anchoredNodes: number;
}

/** `repoRoot` is the crdgen checkout; `shared/` is expected beside it. */
export async function buildSchemaData(repoRoot: string): Promise<GenerationResult> {
  const clientNode = await readClientNode(repoRoot);
  const models = readKubernetesModels(repoRoot);
  const { definitions, report: buildReport } = buildDefinitions(clientNode, models);

  const evidence = new CrdEvidence(definitions);
  const sources = loadEvidenceSources(path.dirname(repoRoot));
  for (const source of sources) evidence.read(source);
  const evidenceReport = applyEvidence(definitions, evidence);
  applyApimachineryValidations(definitions);

  const problems = [...unresolvedReferences(definitions), ...unkeyedListMaps(definitions)];
  if (problems.length > 0) throw new Error(`generated data is inconsistent:\n${problems.join("\n")}`);

  const data: KubernetesSchemaData = {
    source: {
      generator: "scripts/kubernetes-schemas/generate.ts",
      kubernetes: clientNode.kubernetesRelease,
      types: `@kubernetes/client-node ${clientNode.version}`,
      referencesAndDescriptions: Object.entries(models.versions)
        .map(([name, version]) => `${name} ${version}`)
        .join(", "),
      listMapTypesAndDefaults: `../${GOLDEN_CRONJOB} (authoritative), ../${CORPUS_DIR}`,
      valueValidations:
        "scripts/kubernetes-schemas/apimachinery-validations.ts (apimachinery's kubebuilder markers)",
    },
    definitions,
  };
  return {
    data,
    buildReport,
    evidenceReport,
    evidenceFiles: sources.length,
    anchoredNodes: evidence.anchoredNodes,
  };
}

function* nodesOf(schema: StoredSchema): Generator<StoredSchema> {
  yield schema;
  for (const child of Object.values(schema.properties ?? {})) yield* nodesOf(child);
  if (schema.items) yield* nodesOf(schema.items);
  if (schema.additionalProperties) yield* nodesOf(schema.additionalProperties);
}

function unresolvedReferences(definitions: Record<string, StoredDefinition>): string[] {
  const problems: string[] = [];
  for (const [name, definition] of Object.entries(definitions)) {
    for (const node of nodesOf(definition.schema)) {
      if (node.$ref !== undefined && !isWellKnownName(node.$ref) && !Object.hasOwn(definitions, node.$ref)) {
        problems.push(`${name} refers to unknown ${node.$ref}`);
      }
    }
  }
  return problems;
}

/** The API server rejects a list-map whose keys are neither required nor defaulted. */
function unkeyedListMaps(definitions: Record<string, StoredDefinition>): string[] {
  const problems: string[] = [];
  for (const [name, definition] of Object.entries(definitions)) {
    for (const node of nodesOf(definition.schema)) {
      if (node["x-kubernetes-list-type"] !== "map") continue;
      const keys = node["x-kubernetes-list-map-keys"] ?? [];
      if (keys.length === 0) problems.push(`${name}: list-map without keys`);
      const item = node.items?.$ref === undefined ? node.items : definitions[node.items.$ref]?.schema;
      for (const key of keys) {
        const required = item?.required?.includes(key) ?? false;
        if (!required && item?.properties?.[key]?.default === undefined) {
          problems.push(`${name}: list-map key ${key} is neither required nor defaulted`);
        }
      }
    }
  }
  return problems;
}
