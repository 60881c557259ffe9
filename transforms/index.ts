/**
 * The transform stage: lowers the emitted (JSON-Schema flavoured) draft to a structural
 * OpenAPI v3 schema. Each step is a pure `schema -> schema` function in its own module,
 * run in this fixed order (later steps rely on earlier ones):
 *
 *  1. inline-refs            named types inlined; recursion is an error
 *  2. nullable               `T | null` -> T + nullable: true
 *  3. unions                 remaining unions lowered or reported
 *  4. additional-properties  additionalProperties made legal next to properties
 *  5. finalize               internal annotations and empty keywords removed
 */
import type { DraftDocument, DraftSchema } from "../src/emit/draft.js";
import type { JSONSchemaProps } from "../src/schema/types.js";
import { additionalProperties } from "./additional-properties.js";
import type { Transform, TransformContext } from "./context.js";
import { finalize } from "./finalize.js";
import { inlineRefs } from "./inline-refs.js";
import { nullable } from "./nullable.js";
import { unions } from "./unions.js";

export type { Transform, TransformContext } from "./context.js";
export { collectingContext } from "./context.js";

/** The schema-to-schema steps, in the order they run after inlining. */
export const schemaTransforms: readonly Transform[] = [
  { name: "nullable", run: nullable },
  { name: "unions", run: unions },
  { name: "additional-properties", run: additionalProperties },
];

export function runTransforms(doc: DraftDocument, ctx: TransformContext): JSONSchemaProps {
  let schema: DraftSchema = inlineRefs(doc, ctx);
  for (const t of schemaTransforms) schema = t.run(schema, ctx);
  // finalize's output has no internal keys left, which is exactly JSONSchemaProps.
  return finalize(schema, ctx) as JSONSchemaProps;
}
