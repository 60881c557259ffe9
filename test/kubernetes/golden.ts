/** controller-gen's golden CronJob CRD (k8s.io/api v0.36.1), read from the shared anchors. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { CustomResourceDefinition, JSONSchemaProps } from "../../src/schema/types.js";

const GOLDEN = fileURLToPath(
  new URL("../../../shared/anchors/controller-gen/testdata.kubebuilder.io_cronjobs.yaml", import.meta.url),
);

/** `spec.jobTemplate` of the v1 CronJob: an embedded batch JobTemplateSpec, fully inlined. */
export function goldenJobTemplate(): JSONSchemaProps {
  const crd = parse(readFileSync(GOLDEN, "utf8")) as CustomResourceDefinition;
  const v1 = crd.spec.versions.find((version) => version.name === "v1");
  const jobTemplate = v1?.schema?.openAPIV3Schema?.properties?.spec?.properties?.jobTemplate;
  if (!jobTemplate) throw new Error(`no spec.jobTemplate in ${GOLDEN}`);
  return jobTemplate;
}

/** A copy without any `description`, which the anchors' README allows to differ. */
export function withoutDescriptions(schema: JSONSchemaProps): JSONSchemaProps {
  return JSON.parse(
    JSON.stringify(schema, (key, value: unknown) => (key === "description" ? undefined : value)),
  );
}

/** Every `description` with its path, e.g. `.spec.template.spec.containers[]`. */
export function descriptionsByPath(
  schema: JSONSchemaProps,
  path = "",
  out = new Map<string, string>(),
): Map<string, string> {
  if (schema.description !== undefined) out.set(path, schema.description);
  for (const [key, child] of Object.entries(schema.properties ?? {}))
    descriptionsByPath(child, `${path}.${key}`, out);
  if (schema.items && !Array.isArray(schema.items)) descriptionsByPath(schema.items, `${path}[]`, out);
  if (typeof schema.additionalProperties === "object")
    descriptionsByPath(schema.additionalProperties, `${path}{}`, out);
  return out;
}
