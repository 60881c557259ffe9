/**
 * featuresOf: what a subtree holds that a transform may act on. A missing bit would make a step
 * skip a subtree it must rewrite, so each keyword is checked at the root and under every kind of
 * child (the properties test checks the same thing end to end on generated schemas).
 */
import { describe, expect, it } from "vitest";
import type { DraftSchema } from "../../src/emit/draft.js";
import { tagRegistry } from "../../src/tags/index.js";
import { Feature, featuresOf } from "../../transforms/walk.js";

/** An object with the rule a one-of tag writes (the tag's own, so its group is known). */
function withOneOfRule(): DraftSchema {
  const node: DraftSchema = { type: "object", properties: { a: { type: "string" } } };
  tagRegistry.get("exactlyOneOf")!.applySchema!(node, ["a", "b"]);
  return node;
}

const KEYWORDS: [string, DraftSchema, number][] = [
  ["anyOf", { anyOf: [{ type: "string" }] }, Feature.anyOf],
  ["an enum listing null", { type: "string", enum: ["a", null] }, Feature.nullEnum],
  ["type null", { type: "null" } as DraftSchema, Feature.nullType],
  ["int-or-string", { "x-kubernetes-int-or-string": true }, Feature.intOrString],
  ["immutable", { type: "string", "x-crdgen-immutable": true } as DraftSchema, Feature.immutable],
  ["uniqueItems", { type: "array", uniqueItems: true, items: { type: "string" } }, Feature.uniqueItems],
  [
    "additionalProperties: true",
    { type: "object", additionalProperties: true },
    Feature.strayAdditionalProperties,
  ],
  [
    "additionalProperties beside properties",
    { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
    Feature.strayAdditionalProperties,
  ],
  ["tuple items", { type: "array", items: [{ type: "string" }] } as DraftSchema, Feature.forbidden],
  ["$ref", { $ref: "#/definitions/X" } as DraftSchema, Feature.forbidden],
  ["patternProperties", { patternProperties: {} } as DraftSchema, Feature.forbidden],
  ["definitions", { definitions: {} } as DraftSchema, Feature.forbidden],
  ["a format Kubernetes does not know", { type: "integer", format: "uint32" }, Feature.unknownFormat],
  ["an example of another kind than its type", { type: "string", example: 5 }, Feature.misfitKeyword],
  ["an example that fits", { type: "string", example: "5" }, 0],
  ["description", { type: "string", description: "d" }, Feature.description],
  ["a keyword its type makes meaningless", { type: "array", maxLength: 3 }, Feature.misfitKeyword],
  ["a one-of tag's rule", withOneOfRule(), Feature.oneOfRule],
  [
    "properties on a string (@schemaType string on an interface)",
    { type: "string", properties: { a: { type: "string" } } },
    Feature.misfitKeyword,
  ],
];

const PLACES: [string, (child: DraftSchema) => DraftSchema][] = [
  ["the root", (c) => c],
  ["a property", (c) => ({ type: "object", properties: { a: { type: "string" }, b: c } })],
  ["items", (c) => ({ type: "array", items: c })],
  ["additionalProperties", (c) => ({ type: "object", additionalProperties: c })],
  ["allOf", (c) => ({ allOf: [{}, c] })],
  ["oneOf", (c) => ({ oneOf: [c] })],
  ["not", (c) => ({ not: c })],
];

/** Nodes no step acts on: a step walking their subtree would return it unchanged. */
const NOTHING: [string, DraftSchema][] = [
  ["a map (additionalProperties alone)", { type: "object", additionalProperties: { type: "string" } }],
  ["additionalProperties: false alone", { type: "object", additionalProperties: false }],
  [
    "empty properties beside additionalProperties",
    { type: "object", properties: {}, additionalProperties: {} },
  ],
  ["properties with no type (a node of several kinds)", { properties: { a: { type: "string" } } }],
  ["empty properties on a string", { type: "string", properties: {} }],
  ["a format Kubernetes knows", { type: "string", format: "date-time" }],
  ["int32", { type: "integer", format: "int32" }],
  ["keywords that fit their type", { type: "integer", minimum: 0, maximum: 9, multipleOf: 3 }],
  ["a string's length and pattern", { type: "string", minLength: 1, maxLength: 9, pattern: "^a" }],
  ["bounds on a node with no type", { maxLength: 3, minimum: 0, maxItems: 1 }],
  [
    "a rule of @validation, even one a one-of tag would write",
    { type: "object", "x-kubernetes-validations": [{ rule: "(has(self.a)?1:0)+(has(self.b)?1:0) == 1" }] },
  ],
];

describe("featuresOf", () => {
  for (const [place, wrap] of PLACES) {
    it.each(KEYWORDS)(`finds %s under ${place}`, (_what, node, bit) => {
      expect(featuresOf(wrap(node), new Map())).toBe(bit);
    });
    it.each(NOTHING)(`finds nothing in %s under ${place}`, (_what, node) => {
      expect(featuresOf(wrap(node), new Map())).toBe(0);
    });
  }

  it("finds nothing in a plain tree, and keeps what it computed for each node", () => {
    const leaf: DraftSchema = { type: "string", enum: ["a"], maxLength: 3 };
    const tree: DraftSchema = { type: "object", properties: { a: leaf }, required: ["a"] };
    const cache = new Map<DraftSchema, number>();
    expect(featuresOf(tree, cache)).toBe(0);
    expect(cache.get(leaf)).toBe(0);
    cache.set(leaf, Feature.unknownFormat);
    expect(featuresOf({ type: "array", items: leaf }, cache)).toBe(Feature.unknownFormat);
  });
});
