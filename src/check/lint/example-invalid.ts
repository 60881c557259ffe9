/**
 * An `example` the schema refuses. Kubernetes checks every `default` against its schema when the
 * CRD is created, but not examples: one that would be refused is shown as is by `kubectl explain`,
 * documentation and generated clients.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import { formatFieldError } from "../../validate/format.js";
import { newStructural } from "../../validate/structural/convert.js";
import { validateValue } from "../../validate/value/openapi.js";
import type { LintRule } from "./rule.js";

export const exampleInvalid: LintRule = {
  name: "example-invalid",
  keys: ["example"],
  node({ node, branch }, report) {
    if (branch || !Object.hasOwn(node, "example")) return;
    // The CRD passed Kubernetes' checks, so the node decodes and is structural.
    const structural = newStructural(node as JSONSchemaProps);
    if (!structural.ok) return;
    const [first, ...more] = validateValue("example", node["example"], structural.schema);
    if (!first) return;
    report(
      ["example"],
      "key",
      `This example would not pass the schema: ${formatFieldError(first)}` +
        (more.length > 0 ? ` (and ${more.length} more)` : ""),
      "Kubernetes checks defaults but not examples: fix it, as documentation and generated clients show it as a valid value",
    );
  },
};
