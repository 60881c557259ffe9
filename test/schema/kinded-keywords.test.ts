/**
 * Value tags that do nothing on their field's type (src/schema/kinded-keywords.ts, reported by
 * transforms/unsupported-keywords.ts as CRD3006): the keyword table, the walk's feature bit that
 * sends the step to such nodes, and what a user sees for a TypeScript field.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { DraftSchema } from "../../src/emit/draft.js";
import {
  KEYWORD_KINDS,
  kindOfType,
  misfitHint,
  misfitKeywords,
  type KindedKeyword,
} from "../../src/schema/kinded-keywords.js";
import { collectingContext } from "../../transforms/context.js";
import { unsupportedKeywords } from "../../transforms/unsupported-keywords.js";
import { Feature, ownFeatures } from "../../transforms/walk.js";
import { errorsOf, generateFrom, specSchema, withRoot } from "../helpers/generate.js";

const TYPES = ["string", "number", "integer", "boolean", "array", "object"] as const;
const KEYWORDS = Object.keys(KEYWORD_KINDS) as KindedKeyword[];
const VALUE: Record<KindedKeyword, unknown> = {
  minLength: 1,
  maxLength: 5,
  pattern: "^a",
  minimum: 0,
  maximum: 9,
  exclusiveMinimum: true,
  exclusiveMaximum: true,
  multipleOf: 2,
  minItems: 1,
  maxItems: 3,
  minProperties: 1,
  maxProperties: 4,
};

describe("misfitKeywords", () => {
  test.each(KEYWORDS.flatMap((k) => TYPES.map((t) => [k, t] as const)))("%s on type %s", (keyword, type) => {
    const node = { type, [keyword]: VALUE[keyword] } as DraftSchema;
    const fits = kindOfType(type) === KEYWORD_KINDS[keyword];
    expect(misfitKeywords(node)).toEqual(fits ? [] : [keyword]);
    // The walk's switch (walk.ts) agrees with the table, so the step visits exactly these nodes.
    expect(ownFeatures(node) & Feature.misfitKeyword).toBe(fits ? 0 : Feature.misfitKeyword);
  });

  test("a node with no type takes every keyword: int-or-string, preserve-unknown-fields", () => {
    const intOrString: DraftSchema = {
      "x-kubernetes-int-or-string": true,
      anyOf: [{ type: "integer" }, { type: "string" }],
      maxLength: 3,
      minimum: 0,
      pattern: "^[0-9]+%?$",
    };
    expect(misfitKeywords(intOrString)).toEqual([]);
    expect(ownFeatures(intOrString) & Feature.misfitKeyword).toBe(0);
    const unknownFields: DraftSchema = { "x-kubernetes-preserve-unknown-fields": true, maxProperties: 2 };
    expect(misfitKeywords(unknownFields)).toEqual([]);
  });

  test("a type name that is an Object.prototype key is no kind", () => {
    expect(kindOfType("constructor")).toBeUndefined();
    expect(misfitKeywords({ type: "constructor", maxLength: 1 })).toEqual(["maxLength"]);
  });

  test("the walk's bit and the table agree on generated nodes", () => {
    const node = fc.record(
      {
        type: fc.constantFrom(...TYPES),
        ...Object.fromEntries(KEYWORDS.map((k) => [k, fc.constant(VALUE[k])])),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(node, (n) => {
        const s = n as DraftSchema;
        const bit = (ownFeatures(s) & Feature.misfitKeyword) !== 0;
        expect(bit).toBe(misfitKeywords(s).length > 0);
      }),
    );
  });
});

describe("misfitHint", () => {
  test.each<[string, KindedKeyword, DraftSchema, string]>([
    [
      "a length on a list of strings: the item count, or a tag on the item type",
      "maxLength",
      { type: "array", items: { type: "string" } },
      "for the number of items, use @maxItems; to constrain each item, tag the item type instead (`/** @maxLength ... */ type Name = string;`)",
    ],
    [
      "a bound on a map of numbers: a tag on the value type",
      "minimum",
      { type: "object", additionalProperties: { type: "integer" } },
      "to constrain each value, tag the value type instead (`/** @minimum ... */ type Name = number;`)",
    ],
    [
      "an item count on a string: its length",
      "minItems",
      { type: "string" },
      "for the length, use @minLength",
    ],
    [
      "an entry count on a list of objects: the item count",
      "maxProperties",
      { type: "array", items: { type: "object" } },
      "for the number of items, use @maxItems; to constrain each item, tag the item type instead",
    ],
    [
      "a pattern on a boolean: nothing to suggest but moving it",
      "pattern",
      { type: "boolean" },
      "remove the tag, or move it to a field that holds strings",
    ],
  ])("%s", (_what, keyword, node, hint) => {
    expect(misfitHint(keyword, node)).toBe(hint);
  });
});

describe("unsupported-keywords step", () => {
  test("reports each misfit keyword once at its node, removes it, and keeps the rest", () => {
    const input: DraftSchema = {
      type: "object",
      properties: {
        tags: { type: "array", items: { type: "string", maxLength: 9 }, maxLength: 5, maxItems: 3 },
        count: { type: "integer", minimum: 0, pattern: "^1" },
      },
    };
    const ctx = collectingContext("W");
    const out = unsupportedKeywords(input, ctx);
    expect(out).toEqual({
      type: "object",
      properties: {
        tags: { type: "array", items: { type: "string", maxLength: 9 }, maxItems: 3 },
        count: { type: "integer", minimum: 0 },
      },
    });
    expect(ctx.diagnostics.map((d) => [d.code, d.severity, d.path, d.message])).toEqual([
      [
        "CRD3006",
        "error",
        "W.tags",
        "@maxLength does nothing on type array: Kubernetes checks it only on strings.",
      ],
      [
        "CRD3006",
        "error",
        "W.count",
        "@pattern does nothing on type integer: Kubernetes checks it only on strings.",
      ],
    ]);
    // Idempotent: what it leaves has nothing more to report.
    const again = collectingContext("W");
    expect(unsupportedKeywords(out, again)).toEqual(out);
    expect(again.diagnostics).toEqual([]);
  });

  test("Kubernetes' own schemas are left as published", () => {
    const verbatim = { type: "array", maxLength: 1, "x-crdgen-verbatim": true } as DraftSchema;
    const ctx = collectingContext("W");
    expect(unsupportedKeywords(verbatim, ctx)).toEqual(verbatim);
    expect(ctx.diagnostics).toEqual([]);
  });
});

describe("from TypeScript", () => {
  const at = (d: { code: string; path?: string; location?: { line: number } }) => [
    d.code,
    d.path,
    d.location?.line,
  ];

  test("a length on a list of strings is an error at the tag", () => {
    const source = withRoot("{\n  /** @maxLength 63 */\n  names: string[];\n}");
    expect(errorsOf(source).map(at)).toEqual([["CRD3006", "Widget.spec.names", 9]]);
    const result = generateFrom(source);
    expect(result.ok).toBe(false);
    expect(result.files).toEqual([]);
  });

  test("tags that fit stay, on fields, on named types and on their items", () => {
    const prelude = `/** @maxLength 63 */
export type Name = string;
/** @minItems 1 */
export type Names = Name[];
/** @minimum 0 @maximum 100 */
export type Percent = number;`;
    const spec = specSchema(
      withRoot(
        "{\n  names: Names;\n  /** @maxItems 3 */\n  more?: Name[];\n  byName?: Record<string, Percent>;\n  /** @maxProperties 2 */\n  m?: Record<string, string>;\n}",
        prelude,
      ),
    );
    expect(spec.properties!.names).toMatchObject({ minItems: 1, items: { maxLength: 63 } });
    expect(spec.properties!.more).toMatchObject({ maxItems: 3, items: { maxLength: 63 } });
    expect(spec.properties!.byName!.additionalProperties).toMatchObject({ minimum: 0, maximum: 100 });
    expect(spec.properties!.m).toMatchObject({ maxProperties: 2 });
  });

  test("a named type's tag that does not fit is reported at the tag, with the path where the type is used", () => {
    const prelude = `/** @pattern ^[a-z]+$ */
export type Labels = Record<string, string>;`;
    expect(errorsOf(withRoot("{\n  labels: Labels;\n}", prelude)).map(at)).toEqual([
      ["CRD3006", "Widget.spec.labels", 1],
    ]);
  });

  test("an int-or-string field takes string and number tags alike", () => {
    // crdgen knows a project's own alias named IntOrString as its own.
    const prelude = "export type IntOrString = number | string;";
    const spec = specSchema(
      withRoot("{\n  /** @maxLength 4 @minimum 0 @pattern ^[0-9]+%?$ */\n  port?: IntOrString;\n}", prelude),
    );
    expect(spec.properties!.port).toMatchObject({ maxLength: 4, minimum: 0, pattern: "^[0-9]+%?$" });
  });
});
