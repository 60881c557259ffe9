/**
 * kube-openapi's SchemaValidator as the shared value validator mirrors it (defaults and custom
 * resources): which checks run after which, and which branch errors anyOf/oneOf report.
 */
import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { formatFieldError } from "../../src/validate/format.js";
import { newStructural } from "../../src/validate/structural/convert.js";
import { validateValue } from "../../src/validate/value/openapi.js";

function messages(schema: JSONSchemaProps, value: unknown): string[] {
  const converted = newStructural(schema);
  if (!converted.ok) throw new Error(converted.error);
  return validateValue("v", value, converted.schema).map(formatFieldError);
}

describe("kube-openapi value validation", () => {
  // Composition summaries are reported at the validated value's path (`<nil>` for a whole resource).
  it("reports, when no anyOf branch passes, the branch with the most passing checks", () => {
    const schema: JSONSchemaProps = {
      "x-kubernetes-int-or-string": true,
      anyOf: [{ type: "integer" }, { type: "string" }],
    };
    expect(messages(schema, { a: 1 }).sort()).toEqual([
      'v: Invalid value: "": "" must validate at least one schema (anyOf)',
      'v: Invalid value: "object":  in body must be of type integer,string: "object"',
      // Both branches pass no check but their own counting; the first one wins the tie.
      'v: Invalid value: "object":  in body must be of type integer: "object"',
    ]);
    // A string over both branches' limits: the branch with more passing checks is reported.
    const bounded: JSONSchemaProps = {
      type: "string",
      anyOf: [{ maxLength: 1, pattern: "^x" }, { minLength: 5 }],
    };
    expect(messages(bounded, "abc").sort()).toEqual([
      'v: Invalid value: "": "" must validate at least one schema (anyOf)',
      "v: Too long: may not be more than 1 bytes",
    ]);
    expect(messages(bounded, "x")).toEqual([]);
    // The second branch passes more checks (those of its allOf), so its error is the one shown.
    const nested: JSONSchemaProps = {
      type: "string",
      anyOf: [{ minLength: 5 }, { allOf: [{ maxLength: 10 }], pattern: "^z" }],
    };
    expect(messages(nested, "abc").sort()).toEqual([
      'v: Invalid value: "": "" must validate at least one schema (anyOf)',
      `v: Invalid value: "abc":  in body should match '^z'`,
    ]);
  });

  it("reports the best oneOf branch only when none passes, and counts several passing ones", () => {
    const schema: JSONSchemaProps = { type: "integer", oneOf: [{ minimum: 10 }, { maximum: 5 }] };
    expect(messages(schema, 7).sort()).toEqual([
      'v: Invalid value: "": "" must validate one and only one schema (oneOf). Found none valid',
      "v: Invalid value: 7:  in body should be greater than or equal to 10",
    ]);
    const overlapping: JSONSchemaProps = { type: "integer", oneOf: [{ minimum: 1 }, { maximum: 5 }] };
    expect(messages(overlapping, 3)).toEqual([
      'v: Invalid value: "": "" must validate one and only one schema (oneOf). Found 2 valid alternatives',
    ]);
  });

  it("says when no allOf branch passes", () => {
    const schema: JSONSchemaProps = { type: "integer", allOf: [{ minimum: 10 }, { minimum: 20 }] };
    expect(messages(schema, 1).sort()).toEqual([
      'v: Invalid value: "": "" must validate all the schemas (allOf). None validated',
      "v: Invalid value: 1:  in body should be greater than or equal to 10",
      "v: Invalid value: 1:  in body should be greater than or equal to 20",
    ]);
    expect(messages(schema, 15).sort()).toEqual([
      'v: Invalid value: "": "" must validate all the schemas (allOf)',
      "v: Invalid value: 15:  in body should be greater than or equal to 20",
    ]);
  });

  it("checks enum even after a type error", () => {
    expect(messages({ type: "string", enum: ["a", "b"] }, 5)).toEqual([
      'v: Invalid value: "integer":  in body must be of type string: "integer"',
      'v: Unsupported value: 5: supported values: "a", "b"',
    ]);
  });

  it("stops at the first failing string check", () => {
    expect(messages({ type: "string", maxLength: 2, pattern: "^x" }, "abc")).toEqual([
      "v: Too long: may not be more than 2 bytes",
    ]);
  });

  it("does not look inside an object with too few or too many properties", () => {
    const schema: JSONSchemaProps = {
      type: "object",
      minProperties: 2,
      properties: { a: { type: "string" } },
    };
    expect(messages(schema, { a: 1 })).toEqual([
      "v: Invalid value: 1:  in body should have at least 2 properties",
    ]);
  });

  it("type-checks with supported formats only, as the API server strips the others", () => {
    // int32 and int-or-string are not among the supported formats: only the type counts.
    expect(messages({ type: "integer", format: "int32" }, true)).toEqual([
      'v: Invalid value: "boolean":  in body must be of type integer: "boolean"',
    ]);
    expect(messages({ type: "integer", format: "int-or-string" }, 5)).toEqual([]);
    // A supported format names the Go format of a number that is neither of the types.
    expect(messages({ type: "string", format: "date" }, 5)).toEqual([
      'v: Invalid value: "int64":  in body must be of type date: "int64"',
    ]);
    expect(messages({ type: "string", format: "date" }, "2024-01-01")).toEqual([]);
  });

  // Go's time.Parse checks the calendar ("day out of range"); the shape alone is not a date.
  it.each([
    ["date", "2024-02-29", true],
    ["date", "2023-02-29", false],
    ["date", "2024-02-30", false],
    ["date", "2024-13-01", false],
    ["date", "2024-04-31", false],
    ["date-time", "2024-01-31T23:59:59Z", true],
    ["date-time", "2024-13-01T00:00:00Z", false],
    ["date-time", "2024-02-30T00:00:00Z", false],
    ["date-time", "2024-01-01T24:00:00Z", false],
    ["date-time", "2024-01-01T00:60:00Z", false],
  ])("format %s: %s is %s", (format, value, valid) => {
    expect(messages({ type: "string", format }, value)).toHaveLength(valid ? 0 : 1);
  });

  it("names map entries and required fields below the root with a leading dot, like kube-openapi", () => {
    const schema: JSONSchemaProps = {
      type: "object",
      required: ["r"],
      additionalProperties: { type: "integer" },
    };
    expect(messages(schema, { k: "x" }).sort()).toEqual([
      'v.k: Invalid value: "string": .k in body must be of type integer: "string"',
      "v.r: Required value",
    ]);
  });
});
