/**
 * `x?: never` (and `x?: undefined`): TypeScript's way to say a property is never set, most often
 * in exclusive unions (`{ url: string; path?: never } | { path: string; url?: never }`). JSON
 * holds nothing there, so the property has no schema; a required one is still an error.
 */
import { describe, expect, test } from "vitest";
import { compileOpenApi } from "../helpers/ajv.js";
import { errorsOf, specSchema, withRoot } from "../helpers/generate.js";

describe("properties that are never set", () => {
  test("an exclusive union becomes the same one-of object as the plain union", () => {
    const exclusive = specSchema(
      withRoot(
        "{ source: Source }",
        "type Source = { url: string; path?: never } | { path: string; url?: never };",
      ),
    );
    const plain = specSchema(
      withRoot("{ source: Source }", "type Source = { url: string } | { path: string };"),
    );
    expect(exclusive).toEqual(plain);
    const source = compileOpenApi(exclusive.properties!.source!);
    expect(source({ url: "https://x" })).toBe(true);
    expect(source({ path: "/x" })).toBe(true);
    expect(source({ url: "https://x", path: "/x" })).toBe(false);
    expect(source({})).toBe(false);
  });

  test("a protobuf-style oneof (none or exactly one) keeps both sides apart, as Istio's CRDs do", () => {
    const oneof = "{ a?: never; b?: never } | { a: string; b?: never } | { b: string; a?: never }";
    const spec = specSchema(withRoot(`{ choice: ${oneof} }`));
    const choice = spec.properties!.choice!;
    expect(choice.oneOf).toEqual([
      { not: { anyOf: [{ required: ["a"] }, { required: ["b"] }] } },
      { required: ["a"] },
      { required: ["b"] },
    ]);
    const valid = compileOpenApi(choice);
    expect([{}, { a: "x" }, { b: "y" }].map((v) => valid(v))).toEqual([true, true, true]);
    expect(valid({ a: "x", b: "y" })).toBe(false);
  });

  test("a member that says nothing of the others' fields admits any object (kube-rs #1941)", () => {
    const spec = specSchema(withRoot("{ choice: Record<string, never> | { a: string } | { b: string } }"));
    expect(spec.properties!.choice!.oneOf).toBeUndefined();
    expect(spec.properties!.choice!.anyOf).toBeUndefined();
  });

  test("`?: never` and `?: undefined` leave the property out of an object", () => {
    const spec = specSchema(withRoot("{\n  kept: string;\n  gone?: never;\n  alsoGone?: undefined;\n}"));
    expect(Object.keys(spec.properties!)).toEqual(["kept"]);
    expect(spec.required).toEqual(["kept"]);
  });

  test("`?: void` and `void | undefined` leave the property out too, as `?: undefined` does", () => {
    const spec = specSchema(
      withRoot(
        "{\n  kept: string;\n  gone?: void;\n  alsoGone: void | undefined;\n  inLiteral: { x?: void; y: string };\n}",
      ),
    );
    expect(Object.keys(spec.properties!)).toEqual(["kept", "inLiteral"]);
    expect(Object.keys(spec.properties!.inLiteral!.properties!)).toEqual(["y"]);
  });

  test("undefined or void where a value must be is named as the type, with a hint for its place", () => {
    const errors = errorsOf(
      withRoot("{\n  bad: void;\n  values: Record<string, void>;\n  items: undefined[];\n}"),
    );
    expect(errors.map((d) => [d.path, d.message, d.hint])).toEqual([
      [
        "Widget.spec.bad",
        "Widget.spec.bad is the type void, which a CRD schema cannot express.",
        "make the property optional instead (`name?: T`)",
      ],
      [
        "Widget.spec.values[*]",
        "Widget.spec.values[*] is the type void, which a CRD schema cannot express.",
        "JSON always holds a value there: give the items or values a type that is data (`string`, an object...)",
      ],
      [
        "Widget.spec.items[]",
        "Widget.spec.items[] is the type undefined, which a CRD schema cannot express.",
        "JSON always holds a value there: give the items or values a type that is data (`string`, an object...)",
      ],
    ]);
  });

  test("a required property that can hold no value is still a located error", () => {
    const errors = errorsOf(withRoot("{\n  bad: undefined;\n}"));
    expect(errors.map((d) => [d.code, d.path, d.location?.line])).toEqual([
      ["CRD1002", "Widget.spec.bad", 9],
    ]);
  });
});
