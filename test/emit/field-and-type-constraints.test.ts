/**
 * A field's value tags narrow those of the named type it uses (alias or interface), through
 * the whole pipeline: the stricter bound, or both patterns in allOf as controller-gen writes them.
 */
import { expect, test } from "vitest";
import { specSchema, withRoot } from "../helpers/generate.js";

const PRELUDE = `/** A DNS label. @pattern ^[a-z]+$ @maxLength 63 @validation rule="self != 'x'" */
export type Name = string;
/** @maximum 100 */
export type Small = number;`;

test("field and type constraints both hold", () => {
  const spec = specSchema(
    withRoot(
      `{
  /** @pattern ^ab @maxLength 10 */
  a: Name;
  /** @maxLength 200 */
  b: Name;
  /** @maximum 65535 @exclusiveMinimum 0 */
  c: Small;
}`,
      PRELUDE,
    ),
  );
  expect(spec.properties!.a).toEqual({
    type: "string",
    description: "A DNS label.",
    maxLength: 10,
    allOf: [{ pattern: "^[a-z]+$" }, { pattern: "^ab" }],
    "x-kubernetes-validations": [{ rule: "self != 'x'" }],
  });
  expect(spec.properties!.b!.maxLength).toBe(63);
  expect(spec.properties!.c).toEqual({ type: "number", maximum: 100, minimum: 0, exclusiveMinimum: true });
});
