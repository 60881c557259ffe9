/**
 * Value validations that k8s.io/apimachinery declares on its types with kubebuilder markers, and
 * that controller-gen therefore writes wherever such a type is embedded: metav1.Condition's
 * (`+kubebuilder:validation:MaxLength=316`, `Pattern=...`, `Enum=True;False;Unknown`, ...).
 * Neither npm package carries markers, so they are listed here; every CRD of the corpus that
 * embeds a Condition agrees with them (test/kubernetes/schemas.test.ts checks all of them).
 * Kubernetes' own API types (k8s.io/api) declare none: the golden CronJob's PodTemplateSpec and
 * JobTemplateSpec hold no value validation.
 */
import type { StoredDefinition, StoredSchema } from "../../src/read/kubernetes/data-format.js";

type Validations = Pick<StoredSchema, "maxLength" | "minLength" | "pattern" | "enum" | "minimum">;

export const APIMACHINERY_VALIDATIONS: Readonly<Record<string, Readonly<Record<string, Validations>>>> = {
  V1Condition: {
    type: {
      maxLength: 316,
      pattern:
        "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
    },
    status: { enum: ["True", "False", "Unknown"] },
    observedGeneration: { minimum: 0 },
    reason: { maxLength: 1024, minLength: 1, pattern: "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$" },
    message: { maxLength: 32768 },
  },
};

/** Writes the validations into the stored definitions; throws where a listed field does not exist. */
export function applyApimachineryValidations(definitions: Record<string, StoredDefinition>): void {
  for (const [name, fields] of Object.entries(APIMACHINERY_VALIDATIONS)) {
    const properties = definitions[name]?.schema.properties;
    for (const [field, validations] of Object.entries(fields)) {
      const node = properties?.[field];
      if (!node)
        throw new Error(`${name}.${field} is not a stored field: the validations for it are out of date`);
      Object.assign(node, validations);
    }
  }
}
