/**
 * Whether a CEL rule on an object sees one of its properties. Kubernetes leaves out of CEL's
 * view a property of no type (`unknown`, `any`), and a list or map of values of no type
 * (`unknown[]`, `Record<string, unknown>`): `has(self.f)` or `self == oldSelf` on such a field
 * fails to compile, and the API server refuses the CRD. Transforms that write rules of their own
 * (union-lowering, immutable) ask this before writing one.
 */
import type { DraftSchema } from "../src/emit/draft.js";
import { nestedDeclType } from "../src/validate/cel/decl-type.js";
import { additionalPropertiesCleanup } from "./additional-properties-cleanup.js";
import { collectingContext } from "./context.js";

/**
 * Whether CEL sees a property of this schema, judged on the schema as additional-properties-cleanup
 * (a later step) leaves it: `Record<string, unknown>` tagged @preserveUnknownFields loses its map
 * there, and is an object CEL sees.
 */
export function celSees(schema: DraftSchema | undefined): boolean {
  if (schema === undefined) return false;
  return nestedDeclType(additionalPropertiesCleanup(schema, collectingContext())) !== undefined;
}
