/**
 * The single-pass emitter (src/emit/direct.ts) stands in for emit -> inline-refs -> transforms
 * -> finalize only where those would give the same schema. On generated IR models (named types
 * referring to each other, recursion included; tags; unions and nulls; sets; maps beside
 * properties; formats Kubernetes does and does not know) it must either give up or give the
 * stage's schema exactly, keys in the same order; it must give up wherever the stage reports
 * anything; and on models with nothing for the steps to do it must not give up.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { emitDirect } from "../../src/emit/direct.js";
import { emitDefinitions, emitRoot } from "../../src/emit/schema.js";
import type { IrDefinition, IrModel, IrObject, IrProperty, IrRoot, IrType } from "../../src/ir/model.js";
import type { AppliedTag } from "../../src/tags/registry.js";
import { canonicalSchema } from "../../src/write/canonical.js";
import { codes } from "../../src/diagnostics/codes.js";
import { runTransforms, type TransformOptions } from "../../transforms/index.js";
import { Feature, featuresOf } from "../../transforms/walk.js";
import type { DraftSchema } from "../../src/emit/draft.js";

const NAMES = ["Alpha", "Beta", "Gamma", "Delta"] as const;

/** Tags whose keywords no step acts on (CEL rules often: they merge at references). */
const PLAIN_TAGS: fc.Arbitrary<AppliedTag> = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map((value) => ({ name: "maxLength", value })),
  fc.integer({ min: -5, max: 5 }).map((value) => ({ name: "minimum", value })),
  fc.constantFrom("int32", "date-time").map((value) => ({ name: "format", value })),
  fc.constantFrom("", "use other").map((value) => ({ name: "deprecated", value })),
  fc.constantFrom<unknown>(3, "x", { b: 1, a: [2] }).map((value) => ({ name: "default", value })),
  {
    weight: 4,
    arbitrary: fc
      .constantFrom({ rule: "self > 0", message: "positive" }, { message: "short", rule: "size(self) < 9" })
      .map((value) => ({ name: "validation", value })),
  },
  fc.constant({ name: "nullable", value: true }),
  fc.constant({ name: "schemaless", value: true }),
);

/** Tags that give a step something to do. */
const STEP_TAGS: fc.Arbitrary<AppliedTag> = fc.oneof(
  fc.constant({ name: "format", value: "uint32" }),
  fc.constant({ name: "intOrString", value: true }),
  fc.constant({ name: "immutable", value: true }),
  fc.constant({ name: "uniqueItems", value: true }),
);

function arbitraries(plain: boolean) {
  const tags = fc.array(plain ? PLAIN_TAGS : fc.oneof(PLAIN_TAGS, STEP_TAGS), { maxLength: 2 });
  const description = fc.option(fc.constantFrom("Some text.", "More text, longer."), { nil: undefined });
  const { type } = fc.letrec<{ type: IrType; object: IrObject }>((tie) => {
    const leaves: fc.Arbitrary<IrType>[] = [
      fc.constantFrom("string", "integer", "number", "boolean").map((t) => ({ kind: "primitive", type: t })),
      fc
        .constantFrom(undefined, "int64", ...(plain ? [] : ["uint32"]))
        .map((format): IrType => ({ kind: "primitive", type: "integer", format })),
      fc.constant<IrType>({ kind: "enum", type: "string", values: ["b", "a"] }),
      fc.constant<IrType>({ kind: "unknown" }),
      fc.constantFrom(...NAMES).map((name): IrType => ({ kind: "ref", name })),
    ];
    const nested: fc.Arbitrary<IrType>[] = [
      fc
        .record({ items: tie("type"), set: plain ? fc.constant(false) : fc.boolean() })
        .map(({ items, set }): IrType => ({ kind: "array", items, set })),
      tie("object"),
    ];
    if (!plain) {
      leaves.push(fc.constant<IrType>({ kind: "null" }));
      nested.push(
        fc
          .array(tie("type"), { minLength: 2, maxLength: 3 })
          .map((members): IrType => ({ kind: "union", members })),
      );
    }
    const property: fc.Arbitrary<IrProperty> = fc.record({
      name: fc.constantFrom("a", "b", "spec", "kind"),
      type: tie("type"),
      optional: fc.boolean(),
      description,
      tags,
    });
    return {
      type: fc.oneof({ depthSize: "small", withCrossShrink: true }, ...leaves, ...nested),
      object: fc
        .record({
          properties: fc.uniqueArray(property, { selector: (p) => p.name, maxLength: 3 }),
          additionalProperties: fc.option(tie("type"), { nil: undefined }),
        })
        .map((o): IrObject => {
          // A map beside named properties is a step's business (additional-properties-cleanup).
          if (plain && o.properties.length > 0) return { kind: "object", properties: o.properties };
          return { kind: "object", ...o };
        }),
    } as { type: fc.Arbitrary<IrType>; object: fc.Arbitrary<IrObject> };
  });
  const definition = (name: string): fc.Arbitrary<IrDefinition> =>
    fc.record({ name: fc.constant(name), type, description, tags });
  const model: fc.Arbitrary<{ model: IrModel; root: IrRoot }> = fc
    .record({
      definitions: fc.tuple(...NAMES.map(definition)),
      body: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom("spec", "status", "x"),
          type,
          optional: fc.boolean(),
          description,
          tags,
        }),
        { selector: (p) => p.name, maxLength: 3 },
      ),
      rootTags: fc.array(plain ? PLAIN_TAGS.filter((t) => t.name !== "schemaless") : PLAIN_TAGS, {
        maxLength: 1,
      }),
    })
    .map(({ definitions, body, rootTags }) => ({
      model: { roots: [], definitions: new Map(definitions.map((d) => [d.name, d])) },
      root: rootOf(body, rootTags),
    }));
  return model;
}

function rootOf(properties: IrProperty[], tags: AppliedTag[]): IrRoot {
  const origin = { file: "/types.ts", line: 1, column: 1 };
  return {
    typeName: "Widget",
    settings: {
      group: "example.com",
      version: "v1",
      kind: "Widget",
      plural: "widgets",
      singular: "widget",
      listKind: "WidgetList",
      scope: "Namespaced",
      shortNames: [],
      categories: [],
    },
    version: {
      served: true,
      storage: true,
      status: false,
      printerColumns: [],
      selectableFields: [],
      tagOrigins: new Map(),
    },
    annotations: {},
    labels: {},
    tags,
    type: { kind: "object", properties },
    origin,
  };
}

/** Whether a named type's draft holds a keyword its type makes meaningless (see kinded-keywords). */
function hasMisfitKeyword(definitions: Record<string, DraftSchema>): boolean {
  const cache = new Map<DraftSchema, number>();
  return Object.values(definitions).some((d) => (featuresOf(d, cache) & Feature.misfitKeyword) !== 0);
}

function staged(model: IrModel, root: IrRoot, options: TransformOptions = {}) {
  const diagnostics: Diagnostic[] = [];
  const doc = emitRoot(root, emitDefinitions(model));
  const { schema } = runTransforms(doc, {
    rootName: root.typeName,
    report: (d) => void diagnostics.push(d),
    options,
  });
  return { schema, diagnostics };
}

describe("the single-pass emitter", () => {
  it("gives the stage's schema, keys in order, or gives up; and gives up wherever the stage reports", () => {
    let direct = 0;
    fc.assert(
      fc.property(arbitraries(false), ({ model, root }) => {
        const stage = staged(model, root);
        const out = emitDirect(root, model);
        if (out === undefined) return;
        direct++;
        expect(stage.diagnostics).toEqual([]);
        expect(JSON.stringify(out)).toBe(JSON.stringify(stage.schema));
        expect(JSON.stringify(canonicalSchema(structuredClone(out)))).toBe(JSON.stringify(out));
      }),
      { numRuns: 400 },
    );
    // The generator reaches both outcomes (else the test above would prove little).
    expect(direct).toBeGreaterThan(20);
  });

  it("does not give up where the steps have nothing to do", () => {
    fc.assert(
      fc.property(arbitraries(true), ({ model, root }) => {
        const stage = staged(model, root);
        // Recursion between the named types is the one thing left for the stage to report.
        fc.pre(stage.diagnostics.length === 0);
        // A keyword a named type's own body cannot hold (`@minimum` on a string alias) is one
        // direct gives up at, though a field's `@format int32` may make the type it ends up in fit.
        fc.pre(!hasMisfitKeyword(emitDefinitions(model)));
        const out = emitDirect(root, model);
        expect(out).toBeDefined();
        expect(JSON.stringify(out)).toBe(JSON.stringify(stage.schema));
      }),
      { numRuns: 300 },
    );
  });

  it("gives up when descriptions are to be cut, which a step does", () => {
    const { model, root } = fc.sample(arbitraries(true), { numRuns: 1, seed: 7 })[0]!;
    expect(emitDirect(root, model, { maxDescriptionLength: 10 })).toBeUndefined();
  });

  it("keeps the CEL rules written on a field and on its type, the field's first", () => {
    const rule = (r: string): AppliedTag => ({ name: "validation", value: { rule: r } });
    const model: IrModel = {
      roots: [],
      definitions: new Map([
        ["Count", { name: "Count", tags: [rule("self > 0")], type: { kind: "primitive", type: "integer" } }],
      ]),
    };
    const root = rootOf(
      [{ name: "count", type: { kind: "ref", name: "Count" }, optional: true, tags: [rule("self < 9")] }],
      [],
    );
    const out = emitDirect(root, model);
    expect(out?.properties?.["count"]?.["x-kubernetes-validations"]).toEqual([
      { rule: "self < 9" },
      { rule: "self > 0" },
    ]);
    expect(JSON.stringify(out)).toBe(JSON.stringify(staged(model, root).schema));
  });

  it("gives up at a recursive type, which inline-refs reports", () => {
    const model: IrModel = {
      roots: [],
      definitions: new Map([
        [
          "Node",
          {
            name: "Node",
            tags: [],
            type: {
              kind: "object",
              properties: [{ name: "next", type: { kind: "ref", name: "Node" }, optional: true, tags: [] }],
            },
          },
        ],
      ]),
    };
    const root = rootOf(
      [{ name: "spec", type: { kind: "ref", name: "Node" }, optional: false, tags: [] }],
      [],
    );
    expect(staged(model, root).diagnostics.map((d) => d.code)).toEqual([codes.recursiveType]);
    expect(emitDirect(root, model)).toBeUndefined();
  });
});
