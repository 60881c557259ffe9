import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { evaluateRules } from "../../src/validate/cel/evaluate.js";
import { formatFieldError } from "../../src/validate/format.js";
import { DEFAULT_CEL_VERSION, parseCelVersion } from "../../src/validate/cel/version.js";

const opts = { version: DEFAULT_CEL_VERSION };

function rules(schema: JSONSchemaProps, value: unknown, version = opts.version) {
  return evaluateRules(value, schema, "spec", false, { version });
}

function withRule(
  schema: JSONSchemaProps,
  rule: string,
  extra: Partial<NonNullable<JSONSchemaProps["x-kubernetes-validations"]>[number]> = {},
) {
  return { ...schema, "x-kubernetes-validations": [{ rule, ...extra }] };
}

describe("evaluating rules on data", () => {
  it("passes and fails by the rule's result, with message or rule text", () => {
    const schema = withRule({ type: "object", properties: { a: { type: "integer" } } }, "self.a > 1", {
      message: "a must exceed 1",
    });
    expect(rules(schema, { a: 2 })).toEqual([]);
    expect(rules(schema, { a: 1 })).toEqual([
      { type: "FieldValueInvalid", field: "spec", detail: "a must exceed 1" },
    ]);
    const bare = withRule({ type: "object", properties: { a: { type: "integer" } } }, "self.a > 1");
    expect(rules(bare, { a: 0 })[0]?.detail).toBe("failed rule: self.a > 1");
  });

  it("shows a scalar's value in a failed rule, and no value for objects and lists (1.35+)", () => {
    const text = (schema: JSONSchemaProps, value: unknown) => rules(schema, value).map(formatFieldError);
    const str = withRule({ type: "string" }, "self != 'nope'", { message: "must not be nope" });
    expect(text(str, "nope")).toEqual(['spec: Invalid value: "nope": must not be nope']);
    expect(text(withRule({ type: "integer" }, "self > 1"), 0)).toEqual([
      "spec: Invalid value: 0: failed rule: self > 1",
    ]);
    expect(text(withRule({ type: "boolean" }, "self"), false)).toEqual([
      "spec: Invalid value: false: failed rule: self",
    ]);
    const withExpression = withRule({ type: "string" }, "self != 'nope'", {
      messageExpression: "'got ' + self",
    });
    expect(text(withExpression, "nope")).toEqual(['spec: Invalid value: "nope": got nope']);
    const list = withRule({ type: "array", items: { type: "string" } }, "size(self) == 0");
    expect(text(list, ["a"])).toEqual(["spec: Invalid value: failed rule: size(self) == 0"]);
    const obj = withRule({ type: "object", properties: { a: { type: "string" } } }, "!has(self.a)");
    expect(text(obj, { a: "x" })).toEqual(["spec: Invalid value: failed rule: !has(self.a)"]);
  });

  it("uses reason and fieldPath for the error", () => {
    const schema = withRule({ type: "object", properties: { a: { type: "string" } } }, "self.a != 'x'", {
      reason: "FieldValueForbidden",
      fieldPath: ".a",
      message: "no x",
    });
    expect(rules(schema, { a: "x" })).toEqual([
      { type: "FieldValueForbidden", field: "spec.a", detail: "no x" },
    ]);
  });

  it("evaluates messageExpression and falls back to the message when it fails", () => {
    const schema = withRule({ type: "object", properties: { a: { type: "string" } } }, "self.a == 'ok'", {
      message: "static",
      messageExpression: "'got ' + self.a",
    });
    expect(rules(schema, { a: "bad" })[0]?.detail).toBe("got bad");
    const failing = withRule(
      { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } },
      "self.a == 'ok'",
      {
        message: "static",
        messageExpression: "self.b",
      },
    );
    expect(rules(failing, { a: "bad" })[0]?.detail).toBe("static");
  });

  it("trims a messageExpression's result and falls back on an empty, multi-line or over-long one", () => {
    const detail = (value: string, messageExpression = "self") =>
      rules(withRule({ type: "string" }, "self == 'ok'", { message: "static", messageExpression }), value)[0]
        ?.detail;
    expect(detail("  padded  ")).toBe("padded");
    expect(detail(" ")).toBe("static");
    expect(detail("two\nlines")).toBe("static");
    expect(detail("x".repeat(5120))).toBe("x".repeat(5120));
    expect(detail("x".repeat(5121))).toBe("static");
    expect(detail("é".repeat(2561))).toBe("static");
  });

  it("reports a missing field the way cel-go does", () => {
    const schema = withRule({ type: "object", properties: { a: { type: "string" } } }, "self.a == 'x'", {
      message: "m",
    });
    expect(rules(schema, {})).toEqual([
      {
        type: "FieldValueInvalid",
        field: "spec",
        badValue: "object",
        detail: "no such key: a evaluating rule: m",
      },
    ]);
  });

  it("walks properties, items and map values with Kubernetes' paths", () => {
    const leaf = withRule({ type: "integer" }, "self >= 0");
    const schema: JSONSchemaProps = {
      type: "object",
      properties: {
        list: { type: "array", items: leaf },
        map: { type: "object", additionalProperties: leaf },
      },
    };
    const errs = rules(schema, { list: [1, -1], map: { k: -2 } }).map((e) => e.field);
    expect(errs.sort()).toEqual(["spec.list[1]", "spec.map[k]"]);
  });

  it("skips transition rules on create unless optionalOldSelf is set", () => {
    const base: JSONSchemaProps = { type: "string" };
    expect(rules(withRule(base, "self == oldSelf"), "x")).toEqual([]);
    const optional = withRule(base, "!oldSelf.hasValue() && self == 'y'", {
      optionalOldSelf: true,
      message: "must be y",
    });
    expect(rules(optional, "x")[0]?.detail).toBe("must be y");
    expect(rules(optional, "y")).toEqual([]);
  });

  it("converts formats: durations, timestamps, bytes and int-or-string", () => {
    const d = withRule({ type: "string", format: "duration" }, "self < duration('1h')");
    expect(rules(d, "30m")).toEqual([]);
    expect(rules(d, "2h")).toHaveLength(1);
    const t = withRule({ type: "string", format: "date-time" }, "self > timestamp('2020-01-01T00:00:00Z')");
    expect(rules(t, "2021-06-01T00:00:00Z")).toEqual([]);
    expect(rules(t, "2019-06-01T00:00:00Z")).toHaveLength(1);
    const b = withRule({ type: "string", format: "byte" }, "size(self) == 3");
    expect(rules(b, Buffer.from("abc").toString("base64"))).toEqual([]);
    const ios = withRule(
      { "x-kubernetes-int-or-string": true },
      "type(self) == int ? self < 5 : self.endsWith('%')",
    );
    expect(rules(ios, 3)).toEqual([]);
    expect(rules(ios, 7)).toHaveLength(1);
    expect(rules(ios, "50%")).toEqual([]);
  });

  it("matches with RE2 semantics", () => {
    const schema = withRule({ type: "string" }, "self.matches('(?i)^abc$')");
    expect(rules(schema, "ABC")).toEqual([]);
    expect(rules(schema, "abd")).toHaveLength(1);
  });

  it("exposes keyword-named fields as in 1.31+, escaped names always", () => {
    const schema = withRule(
      { type: "object", properties: { namespace: { type: "string" }, "a-b": { type: "integer" } } },
      "self.namespace == 'x' && self.a__dash__b == 1",
    );
    expect(rules(schema, { namespace: "x", "a-b": 1 })).toEqual([]);
    expect(rules(schema, { namespace: "y", "a-b": 1 })).toHaveLength(1);
    // In 1.30 `self.namespace` does not compile, so the rule is skipped (the CRD itself is invalid).
    expect(rules(schema, { namespace: "y", "a-b": 1 }, parseCelVersion("1.30"))).toEqual([]);
  });
});

describe("has() of any operand (rewritten for the engine)", () => {
  const items: JSONSchemaProps = {
    type: "array",
    maxItems: 4,
    items: { type: "object", properties: { name: { type: "string", maxLength: 10 } } },
  };
  it("tests presence on an indexed operand, parenthesized or not", () => {
    for (const rule of ["has(self[0].name)", "has((self[0]).name)", "has(((self)[0]).name) && true"]) {
      expect(rules(withRule(items, rule), [{ name: "a" }])).toEqual([]);
      expect(rules(withRule(items, rule), [{}]).map((e) => e.detail)).toEqual([`failed rule: ${rule}`]);
    }
  });
});
