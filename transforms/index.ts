/**
 * The transform stage: lowers the emitted (JSON-Schema flavoured) draft to a structural
 * OpenAPI v3 schema. Each step is a pure `schema -> schema` function in its own module,
 * idempotent, and run in this fixed order (later steps rely on earlier ones):
 *
 *  1. inline-refs                    named types inlined once each; recursion is a located error
 *  2. optional-enum                  `T | null` -> T + nullable: true (enums also list null)
 *  3. int-or-string                  @intOrString / IntOrString -> the anyOf [integer, string] shape
 *  4. union-lowering                 object unions -> one object (+ oneOf stubs, CEL rules); others reported
 *  5. one-of-fields                  names in one-of tags (@exactlyOneOf a,b) the object lacks reported at the tag
 *  6. immutable                      @immutable on an optional property -> "immutable once set" rule on its parent
 *  7. set-lists                      uniqueItems -> x-kubernetes-list-type: set
 *  8. additional-properties-cleanup  additionalProperties made legal next to properties
 *  9. nullable-int-or-string         optional int-or-string properties get nullable: true (not inside
 *                                    Kubernetes' own schemas, which are kept as Kubernetes publishes them)
 * 10. unsupported-keywords           forbidden keywords and unknown formats removed (warned) or reported;
 *                                    value keywords the node's type ignores (maxLength on a list) reported
 * 11. truncate-descriptions          with --max-description-length, long descriptions cut at a word
 * 12. finalize                       internal annotations and empty keywords removed
 *
 * Steps 2-11 share one walk (walk.ts) that hands each step only subtrees holding a keyword it
 * acts on (their features are computed once per run), and, in a watch session, reuses each
 * step's results on subtrees that are the same objects as in the last run (memo.ts). When no
 * step has anything to act on (stepTriggers), a one-shot run skips the stage and builds the
 * same final schema in one pass (src/emit/direct.ts).
 */
import type { DraftDocument, DraftSchema } from "../src/emit/draft.js";
import type { JSONSchemaProps } from "../src/schema/types.js";
import {
  acts as additionalPropertiesCleanupActs,
  additionalPropertiesCleanup,
} from "./additional-properties-cleanup.js";
import type { Transform, TransformContext, TransformOptions } from "./context.js";
import { finalize } from "./finalize.js";
import { acts as immutableActs, immutable } from "./immutable.js";
import { inlineRefs } from "./inline-refs.js";
import type { TransformMemo } from "./memo.js";
import type { OriginIndex } from "./origins.js";
import { acts as intOrStringActs, intOrString } from "./int-or-string.js";
import { acts as oneOfFieldsActs, oneOfFields } from "./one-of-fields.js";
import { acts as nullableIntOrStringActs, nullableIntOrString } from "./nullable-int-or-string.js";
import { acts as optionalEnumActs, optionalEnum } from "./optional-enum.js";
import { acts as setListsActs, setLists } from "./set-lists.js";
import { acts as truncateDescriptionsActs, truncateDescriptions } from "./truncate-descriptions.js";
import { acts as unionLoweringActs, unionLowering } from "./union-lowering.js";
import { acts as unsupportedKeywordsActs, unsupportedKeywords } from "./unsupported-keywords.js";

export type { Transform, TransformContext, TransformOptions } from "./context.js";
export { collectingContext } from "./context.js";
export { TransformMemo } from "./memo.js";
export { originOf, type OriginIndex } from "./origins.js";

/** A step before finalize, with the Feature bits (walk.ts) it acts on. */
interface Step extends Transform {
  /** Given a schema with none of these bits anywhere, the step returns it as it is. */
  acts: number;
}

const steps: readonly Step[] = [
  { name: "optional-enum", run: optionalEnum, acts: optionalEnumActs },
  { name: "int-or-string", run: intOrString, acts: intOrStringActs },
  { name: "union-lowering", run: unionLowering, acts: unionLoweringActs },
  { name: "one-of-fields", run: oneOfFields, acts: oneOfFieldsActs },
  { name: "immutable", run: immutable, acts: immutableActs },
  { name: "set-lists", run: setLists, acts: setListsActs },
  {
    name: "additional-properties-cleanup",
    run: additionalPropertiesCleanup,
    acts: additionalPropertiesCleanupActs,
  },
  { name: "nullable-int-or-string", run: nullableIntOrString, acts: nullableIntOrStringActs },
  { name: "unsupported-keywords", run: unsupportedKeywords, acts: unsupportedKeywordsActs },
  { name: "truncate-descriptions", run: truncateDescriptions, acts: truncateDescriptionsActs },
];

/** The schema-to-schema steps, in the order they run after inlining (finalize last). */
export const schemaTransforms: readonly Transform[] = [...steps, { name: "finalize", run: finalize }];

/**
 * The Feature bits some step before finalize acts on with these options: an inlined schema with
 * none of them on any node comes out of those steps unchanged (see emit/direct.ts, which relies
 * on it). truncate-descriptions acts only when asked to cut descriptions.
 */
export function stepTriggers(options: TransformOptions = {}): number {
  let bits = 0;
  for (const step of steps) {
    if (step.run === truncateDescriptions && options.maxDescriptionLength === undefined) continue;
    bits |= step.acts;
  }
  return bits;
}

export interface TransformResult {
  schema: JSONSchemaProps;
  /** Where each node was written, for locating later (validation) errors. */
  origins: OriginIndex;
}

/**
 * Runs every step on one CRD version's draft. With a memo (a watch session's), steps reuse
 * their results on subtrees of earlier runs that are still the same objects (see memo.ts).
 */
export function runTransforms(
  doc: DraftDocument,
  ctx: TransformContext,
  memo?: TransformMemo,
): TransformResult {
  ctx = { ...ctx, features: memo?.features ?? new Map() };
  if (memo) {
    const report = ctx.report;
    ctx = { ...ctx, memo, report: (d) => (memo.reports++, report(d)) };
  }
  let schema: DraftSchema = inlineRefs(doc, ctx, memo?.inline);
  let annotated = schema;
  for (const t of schemaTransforms) {
    // The last schema that still carries x-crdgen-origin answers where a node was written.
    if (t.name === "finalize") annotated = schema;
    schema = t.run(schema, ctx);
  }
  // finalize's output has no internal keys left, which is exactly JSONSchemaProps.
  return { schema: schema as JSONSchemaProps, origins: { annotated } };
}
