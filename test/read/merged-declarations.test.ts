/**
 * A property declared in several places (the members of an intersection, the declarations of a
 * merged interface, the bases of an interface) takes the doc comments of all of them, not only of
 * the first.
 */
import { expect, test } from "vitest";
import { generateFrom, specSchema, withRoot } from "../helpers/generate.js";

const PRELUDE = `interface HasName {
  /** The name. */
  name: string;
}
interface NameRules {
  /** @maxLength 63 */
  name: string;
}
interface Merged {
  /** The name. */
  name: string;
}
interface Merged {
  /** @maxLength 63 @validation rule="self != 'x'" */
  name: string;
}`;

test("an intersection and a merged interface keep every declaration's description and tags", () => {
  const spec = specSchema(withRoot("{ a: HasName & NameRules; b: NameRules & HasName; m: Merged }", PRELUDE));
  const name = { type: "string", description: "The name.", maxLength: 63 };
  expect(spec.properties!.a!.properties!.name).toEqual(name);
  expect(spec.properties!.b!.properties!.name).toEqual(name);
  expect(spec.properties!.m!.properties!.name).toEqual({
    ...name,
    "x-kubernetes-validations": [{ rule: "self != 'x'" }],
  });
});

test("a tag two declarations give different values is a warning at the one left out", () => {
  const prelude = `interface A {
  /** @maxLength 10 */
  name: string;
}
interface B {
  /** @maxLength 63 */
  name: string;
}`;
  const result = generateFrom(withRoot("{ ab: A & B }", prelude));
  expect(result.ok).toBe(true);
  const warnings = result.diagnostics.filter((d) => d.code === "CRD1016");
  expect(warnings.map((d) => [d.location?.line, d.message])).toEqual([
    [
      6,
      "Widget.spec.ab.name is declared in several places: @maxLength 63 here is left out, @maxLength 10 of the first declaration applies.",
    ],
  ]);
  const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
  expect(spec.properties!.ab!.properties!.name!.maxLength).toBe(10);
});

test("an interface extending several bases that declare a property keeps the doc comments of all", () => {
  // The checker gives the property HasName's declaration only; a Spec is also a NameRules.
  const prelude = `${PRELUDE}
interface Both extends HasName, NameRules {}
interface Own extends HasName, NameRules {
  /** Its own. */
  name: string;
}`;
  const spec = specSchema(withRoot("{ both: Both; own: Own }", prelude));
  expect(spec.properties!.both!.properties!.name).toEqual({
    type: "string",
    description: "The name.",
    maxLength: 63,
  });
  // A property the interface declares itself replaces the bases' declarations.
  expect(spec.properties!.own!.properties!.name).toEqual({ type: "string", description: "Its own." });
});
