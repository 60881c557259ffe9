/**
 * `checkingEnvironment` declares only the fields a rule names: every rule must check in it
 * exactly as in `typedEnvironment`, which declares them all.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import {
  checkingEnvironment,
  compileExpression,
  typedEnvironment,
  type CompileResult,
} from "../../src/validate/cel/compile.js";
import { schemaDeclType, type DeclType } from "../../src/validate/cel/decl-type.js";
import { celErrorsForCrd } from "../../src/validate/cel/index.js";
import { formatFieldError } from "../../src/validate/format.js";
import { V1_CREATE_OPTIONS } from "../../src/validate/options.js";
import { crdWithSpec, object } from "../helpers/crds.js";
import { DEFAULT_CEL_VERSION, type CelVersion } from "../../src/validate/cel/version.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { corpusFiles } from "../validate/corpus.js";

interface Compiled {
  rule: unknown;
  message?: unknown;
}

/** What compiling gives, without the environment it gives back. */
function shown(result: CompileResult): unknown {
  return result.kind === "ok" ? { kind: "ok", usesOldSelf: result.usesOldSelf } : result;
}

function compileBoth(
  schema: JSONSchemaProps,
  rule: string,
  options: {
    messageExpression?: string;
    optionalOldSelf?: boolean;
    version?: CelVersion;
    root?: boolean;
  } = {},
): { all: Compiled; named: Compiled } {
  const { messageExpression, optionalOldSelf = false, version = DEFAULT_CEL_VERSION, root = false } = options;
  const type = schemaDeclType(schema, root);
  if (!type) throw new Error("the schema has no CEL type");
  const sources = messageExpression === undefined ? [rule] : [rule, messageExpression];
  const envs = {
    all: typedEnvironment(version, type, optionalOldSelf),
    named: checkingEnvironment(version, type, optionalOldSelf, sources),
  };
  const compile = (env: typeof envs.all): Compiled => ({
    rule: shown(compileExpression(env, rule, "bool")),
    ...(messageExpression === undefined
      ? {}
      : { message: shown(compileExpression(env, messageExpression, "string")) }),
  });
  return { all: compile(envs.all), named: compile(envs.named) };
}

const str = { type: "string" };
const intType: DeclType = { kind: "int", maxElements: 0, minSerializedSize: 1 };
const int = { type: "integer" };
const port = { type: "object", properties: { port: int, name: str } };
const SCHEMA: JSONSchemaProps = {
  type: "object",
  properties: {
    spec: {
      type: "object",
      properties: {
        replicas: int,
        name: str,
        "foo-bar": int,
        if: str,
        template: { type: "object", properties: { labels: { type: "object", additionalProperties: str } } },
      },
    },
    items: { type: "array", items: port },
    byName: { type: "object", additionalProperties: port },
    other: { type: "object", properties: { deep: { type: "object", properties: { deeper: port } } } },
  },
};

describe("checkingEnvironment", () => {
  it.each([
    ["a nested field", "self.spec.replicas > 0"],
    ["a field that does not exist", "self.spec.nope > 0"],
    ["presence of a field that does not exist", "has(self.spec.nope)"],
    ["presence of a field", "has(self.spec.name) && self.spec.name != ''"],
    ["a macro over a list of objects", "self.items.all(i, i.port > 0 && i.name != '')"],
    ["a macro's variable with a field the objects lack", "self.items.exists(i, i.nope == 1)"],
    ["a map of objects by index", "self.byName['a'].port > 0"],
    ["a map's values by a macro", "self.byName.all(k, self.byName[k].port < 65536)"],
    ["whole objects compared", "self.spec == oldSelf.spec"],
    ["objects of different types compared", "self.spec == self.other"],
    ["an object compared with null", "self.other != null"],
    ["an escaped property", "self.spec.foo__dash__bar > 1"],
    ["a keyword property escaped", "self.spec.__if__ == 'x'"],
    ["a keyword property by its name", "self.spec.if == 'x'"],
    ["a result of the wrong type", "self.spec.replicas"],
    ["a deep path", "self.other.deep.deeper.port == 1"],
    ["a deep path through a missing field", "self.other.deep.nope.port == 1"],
    ["a syntax error", "self.spec.replicas >"],
    ["field names only in a string", "'spec.replicas' in self.spec.template.labels"],
    ["an optional field", "self.?spec.?name.orValue('') != ''"],
  ])("checks %s as the full environment does", (_what, rule) => {
    const { all, named } = compileBoth(SCHEMA, rule);
    expect(named).toEqual(all);
  });

  it("declares what a message expression names, too", () => {
    const { all, named } = compileBoth(SCHEMA, "true", {
      messageExpression: "'replicas: ' + string(self.spec.replicas) + ' of ' + self.other.deep.deeper.name",
    });
    expect(named.message).toEqual({ kind: "ok", usesOldSelf: false });
    expect(named).toEqual(all);
  });

  it("is what the validator checks a rule's message expression in", () => {
    const errors = (messageExpression: string) =>
      celErrorsForCrd(
        crdWithSpec(
          object(
            { a: int, b: str },
            { "x-kubernetes-validations": [{ rule: "self.a > 0", messageExpression }] },
          ),
        ),
        V1_CREATE_OPTIONS,
      ).map(formatFieldError);
    expect(errors("'b is ' + self.b")).toEqual([]);
    expect(errors("'b is ' + self.nope")).toEqual([
      expect.stringMatching(/messageExpression compilation failed: .*undefined field 'nope'/),
    ]);
  });

  it("checks an optional oldSelf as the full environment does", () => {
    const rule = "!oldSelf.hasValue() || oldSelf.value().spec.replicas <= self.spec.replicas";
    const { all, named } = compileBoth(SCHEMA, rule, { optionalOldSelf: true });
    expect(named.rule).toEqual({ kind: "ok", usesOldSelf: true });
    expect(named).toEqual(all);
  });

  it("resolves keyword properties by their name only from Kubernetes 1.31, as the full environment does", () => {
    for (const minor of [30, 31]) {
      const { all, named } = compileBoth(SCHEMA, "self.spec.if == 'x'", { version: { major: 1, minor } });
      expect(named).toEqual(all);
    }
    const before = compileBoth(SCHEMA, "self.spec.if == 'x'", { version: { major: 1, minor: 30 } });
    expect(before.named.rule).not.toEqual({ kind: "ok", usesOldSelf: false });
  });

  it("gives each rule its own declarations, however the cache is asked", () => {
    const type = schemaDeclType(SCHEMA, false)!;
    const narrow = checkingEnvironment(DEFAULT_CEL_VERSION, type, false, ["self.spec.name == ''"]);
    const wide = checkingEnvironment(DEFAULT_CEL_VERSION, type, false, ["self.spec.replicas == 1"]);
    expect(compileExpression(narrow, "self.spec.replicas == 1", "bool").kind).toBe("error");
    expect(compileExpression(wide, "self.spec.replicas == 1", "bool").kind).toBe("ok");
    // The full environment built after them still declares every field.
    const full = typedEnvironment(DEFAULT_CEL_VERSION, type, false);
    expect(compileExpression(full, "self.spec.replicas == 1", "bool").kind).toBe("ok");
  });

  it("is shared by rules on types of one shape, and only by them", () => {
    const typeOf = (schema: JSONSchemaProps) => schemaDeclType(schema, false)!;
    const rule = ["self.spec.replicas > 0"];
    const one = checkingEnvironment(DEFAULT_CEL_VERSION, typeOf(SCHEMA), false, rule);
    // Another version of the CRD: other objects, the same shape where the rule looks.
    const copy = structuredClone(SCHEMA);
    copy.properties!["other"] = str;
    expect(checkingEnvironment(DEFAULT_CEL_VERSION, typeOf(copy), false, rule)).toBe(one);
    const changed = structuredClone(SCHEMA);
    changed.properties!["spec"]!.properties!["replicas"] = str;
    expect(checkingEnvironment(DEFAULT_CEL_VERSION, typeOf(changed), false, rule)).not.toBe(one);
  });

  it("judges a presence test by the type of the rule at hand, after a rule on another type", () => {
    // Found by the property below: the first environment, shared by shape, was asked about its own type's fields.
    const first = object({ b: str });
    const second = object({ a: str });
    compileBoth(first, "has(self.a)");
    const { all, named } = compileBoth(second, "has(self.b)");
    expect(all.rule).toMatchObject({ kind: "error" });
    expect(named).toEqual(all);
    // An object type without a field list, and one with none: each as the full environment checks it.
    const holding = (x: DeclType): DeclType => ({
      kind: "object",
      fields: new Map([["x", { name: "x", property: "x", type: x, required: false }]]),
      maxElements: 1,
      minSerializedSize: 2,
    });
    const open: DeclType = { kind: "object", maxElements: 1, minSerializedSize: 2 };
    const closed: DeclType = { ...open, fields: new Map() };
    for (const type of [holding(open), holding(closed)]) {
      for (const rule of ["has(self.x.y)", "self.x == oldSelf.x"]) {
        const all = compileExpression(typedEnvironment(DEFAULT_CEL_VERSION, type, false), rule, "bool");
        const env = checkingEnvironment(DEFAULT_CEL_VERSION, type, false, [rule]);
        expect(shown(compileExpression(env, rule, "bool"))).toEqual(shown(all));
      }
    }
  });

  it("judges a presence test of an escaped field by the name inside, as the full environment does", () => {
    const schema = object({ __x__: str, if: str });
    for (const minor of [30, 31]) {
      for (const rule of ["has(self.x)", "has(self.__x__)", "has(self.y)"]) {
        const { all, named } = compileBoth(schema, rule, { version: { major: 1, minor } });
        expect(named, rule).toEqual(all);
      }
    }
  });

  it("names no internal object type in an error the engine words itself", () => {
    const { all, named } = compileBoth(object({ a: object({ b: str }) }), "self.a[0] == 'x'");
    expect(named).toEqual(all);
    expect(JSON.stringify(named.rule)).toContain(
      "found no matching overload for '_[_]' applied to '(object, int)'",
    );
  });

  it("tells one object type in two places from two types of one shape", () => {
    // Types are objects of their own; one reached twice is one type, so its two places compare.
    const leaf = (): DeclType => ({
      kind: "object",
      fields: new Map([["n", { name: "n", property: "n", type: intType, required: false }]]),
      maxElements: 1,
      minSerializedSize: 2,
    });
    const holder = (a: DeclType, b: DeclType): DeclType => ({
      kind: "object",
      fields: new Map([
        ["a", { name: "a", property: "a", type: a, required: false }],
        ["b", { name: "b", property: "b", type: b, required: false }],
      ]),
      maxElements: 1,
      minSerializedSize: 2,
    });
    const shared = leaf();
    const rule = "self.a == self.b";
    const verdicts = [holder(shared, shared), holder(leaf(), leaf())].map((type) => {
      const all = compileExpression(typedEnvironment(DEFAULT_CEL_VERSION, type, false), rule, "bool");
      const named = compileExpression(
        checkingEnvironment(DEFAULT_CEL_VERSION, type, false, [rule]),
        rule,
        "bool",
      );
      expect(shown(named)).toEqual(shown(all));
      return named.kind;
    });
    expect(verdicts).toEqual(["ok", "error"]);
  });

  it("checks random paths through random schemas as the full environment does", () => {
    // Property names, among them a keyword and one with a dash, which CEL sees escaped.
    const names = ["a", "b", "c", "spec", "items", "if", "x-y"];
    const selections = ["a", "b", "c", "spec", "items", "if", "__if__", "x__dash__y"];
    const leaf = fc.constantFrom<JSONSchemaProps>(str, int, { type: "boolean" });
    const { node } = fc.letrec<{ node: JSONSchemaProps }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc
          .dictionary(fc.constantFrom(...names), tie("node"), { minKeys: 1, maxKeys: 3 })
          .map((properties) => ({ type: "object", properties })),
        tie("node").map((items) => ({ type: "array", items })),
        tie("node").map((additionalProperties) => ({ type: "object", additionalProperties })),
      ),
    }));
    const step = fc.oneof(
      fc.constantFrom(...selections).map((n) => `.${n}`),
      fc.constantFrom("[0]", "['a']"),
    );
    const path = fc.array(step, { maxLength: 4 }).map((steps) => `self${steps.join("")}`);
    const rule = fc.oneof(
      fc.tuple(path, path).map(([l, r]) => `${l} == ${r.replace(/^self/, "oldSelf")}`),
      path.map((p) => `has(${p.endsWith("]") ? `${p}.a` : p})`),
      path.map((p) => `size(${p}) > 0`),
      path.map((p) => `${p}.all(x, x.a == x.b)`),
    );
    fc.assert(
      fc.property(node, rule, fc.constantFrom(30, 31, 35), (schema, text, minor) => {
        const type = schemaDeclType(schema, false);
        if (!type) return;
        const { all, named } = compileBoth(schema, text, { version: { major: 1, minor } });
        expect(named).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });

  it("checks every rule of the corpus as the full environment does", () => {
    let rules = 0;
    for (const file of corpusFiles("crds")) {
      for (const doc of parseYamlDocuments(readFileSync(file, "utf8"), file).documents) {
        const spec = (
          doc.value as { spec?: { versions?: { schema?: { openAPIV3Schema?: JSONSchemaProps } }[] } }
        ).spec;
        for (const version of spec?.versions ?? []) {
          const root = version.schema?.openAPIV3Schema;
          if (!root) continue;
          forEachRuleSite(root, true, (schema, isRoot) => {
            for (const rule of schema["x-kubernetes-validations"] ?? []) {
              if (typeof rule.rule !== "string" || !rule.rule.trim()) continue;
              rules++;
              const { all, named } = compileBoth(schema, rule.rule, {
                root: isRoot,
                optionalOldSelf: rule.optionalOldSelf === true,
                ...(rule.messageExpression ? { messageExpression: rule.messageExpression } : {}),
              });
              expect(named, `${file}: ${rule.rule}`).toEqual(all);
            }
          });
        }
      }
    }
    // The corpus's rules, hundreds of them: the walk found them.
    expect(rules).toBeGreaterThan(500);
  });
});

describe("compileExpression", () => {
  it("compiles an expression once per environment and expected type", () => {
    const type = schemaDeclType(object({ a: { type: "string" } }), false)!;
    const env = checkingEnvironment(DEFAULT_CEL_VERSION, type, false, ["self.a"]);
    // The same rule on another version of the CRD, at a node of the same shape: one environment.
    const again = schemaDeclType(object({ a: { type: "string" } }), false)!;
    expect(checkingEnvironment(DEFAULT_CEL_VERSION, again, false, ["self.a"])).toBe(env);
    const first = compileExpression(env, "self.a == 'x'", "bool");
    expect(first.kind).toBe("ok");
    expect(compileExpression(env, "self.a == 'x'", "bool")).toBe(first);
    // Expected as a message expression, the same text is another compilation (and another verdict).
    expect(compileExpression(env, "self.a == 'x'", "string")).toEqual({ kind: "wrong-type", type: "bool" });
    // A fresh environment declaring every field compiles it again, to the same verdict.
    const all = compileExpression(
      typedEnvironment(DEFAULT_CEL_VERSION, type, false),
      "self.a == 'x'",
      "bool",
    );
    expect(all).not.toBe(first);
    expect(shown(all)).toEqual(shown(first));
  });
});

/** Every schema node with rules that the CEL walk compiles (not under allOf/anyOf/oneOf/not). */
function forEachRuleSite(
  schema: JSONSchemaProps,
  isRoot: boolean,
  visit: (schema: JSONSchemaProps, isRoot: boolean) => void,
): void {
  if (schema["x-kubernetes-validations"]?.length) visit(schema, isRoot);
  for (const child of Object.values(schema.properties ?? {})) forEachRuleSite(child, false, visit);
  const { items, additionalProperties } = schema;
  if (items && !Array.isArray(items)) forEachRuleSite(items, false, visit);
  if (additionalProperties && typeof additionalProperties === "object")
    forEachRuleSite(additionalProperties, false, visit);
}
