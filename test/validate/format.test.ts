/** Printing field errors exactly like Kubernetes (src/validate/format.ts, go-print.ts). */
import { describe, expect, it } from "vitest";
import type { FieldError } from "../../src/validate/field-error.js";
import { formatFieldError } from "../../src/validate/format.js";
import { GoStruct, goJson, goQuote } from "../../src/validate/go-print.js";

describe("formatFieldError", () => {
  it.each<[FieldError, string]>([
    [{ type: "FieldValueRequired", field: "spec.group", detail: "" }, "spec.group: Required value"],
    [
      { type: "FieldValueRequired", field: "spec.x", detail: "must be specified" },
      "spec.x: Required value: must be specified",
    ],
    [
      {
        type: "FieldValueInvalid",
        field: "spec.group",
        badValue: "example",
        detail: "should be a domain with at least one dot",
      },
      'spec.group: Invalid value: "example": should be a domain with at least one dot',
    ],
    [{ type: "FieldValueInvalid", field: "a", badValue: 42, detail: "d" }, "a: Invalid value: 42: d"],
    [
      { type: "FieldValueInvalid", field: "a", badValue: false, detail: "must be true or undefined" },
      "a: Invalid value: false: must be true or undefined",
    ],
    [{ type: "FieldValueInvalid", field: "a", badValue: null, detail: "d" }, "a: Invalid value: null: d"],
    [
      { type: "FieldValueInvalid", field: "a", badValue: undefined, detail: "d" },
      "a: Invalid value: null: d",
    ],
    [
      { type: "FieldValueInvalid", field: "a", detail: "failed rule: self.x" },
      "a: Invalid value: failed rule: self.x",
    ],
    [{ type: "FieldValueInvalid", field: "a", badValue: ["v1"], detail: "d" }, 'a: Invalid value: ["v1"]: d'],
    [
      { type: "FieldValueInvalid", field: "a", badValue: { b: 1, a: "<x>" }, detail: "d" },
      'a: Invalid value: {"a":"\\u003cx\\u003e","b":1}: d',
    ],
    [
      { type: "FieldValueForbidden", field: "a.$ref", badValue: "x", detail: "$ref is not supported" },
      "a.$ref: Forbidden: $ref is not supported",
    ],
    [
      {
        type: "FieldValueNotSupported",
        field: "spec.scope",
        badValue: "Global",
        detail: 'supported values: "Cluster", "Namespaced"',
      },
      'spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"',
    ],
    [
      { type: "FieldValueDuplicate", field: "a[1]", badValue: ".foo", detail: "" },
      'a[1]: Duplicate value: ".foo"',
    ],
    [
      { type: "FieldValueTooMany", field: "a", badValue: 9, detail: "must have at most 8 items" },
      "a: Too many: 9: must have at most 8 items",
    ],
    [
      { type: "FieldValueTooLong", field: "a", badValue: "xxxx", detail: "may not be more than 3 bytes" },
      "a: Too long: may not be more than 3 bytes",
    ],
    [{ type: "InternalError", field: "", detail: "boom" }, "<nil>: Internal error: boom"],
  ])("%j", (error, printed) => expect(formatFieldError(error)).toBe(printed));
});

describe("Go value printing", () => {
  it("quotes like strconv.Quote", () => {
    expect(goQuote('a"b\\c\nd\te')).toBe('"a\\"b\\\\c\\nd\\te"');
    expect(goQuote("é\u0001\u00a0")).toBe('"é\\x01\\u00a0"');
  });

  it("keeps struct field order but sorts map keys", () => {
    const struct = new GoStruct([
      ["Name", "v1"],
      ["Served", true],
      ["Schema", null],
    ]);
    expect(goJson([struct, { z: 1, a: 2 }])).toBe(
      '[{"Name":"v1","Served":true,"Schema":null},{"a":2,"z":1}]',
    );
  });

  it("prints floats with two-digit exponents", () => {
    expect(goJson(1e21)).toBe("1e+21");
    expect(goJson(1e-7)).toBe("1e-07");
  });
});
