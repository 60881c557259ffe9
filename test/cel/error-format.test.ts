/**
 * Compile errors read as cel-go prints them in Kubernetes' messages, place included: the engine's
 * own wording is translated (src/validate/cel/error-format.ts).
 */
import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { celVerdicts } from "../helpers/cel-verdicts.js";

const SCHEMA: JSONSchemaProps = {
  type: "object",
  properties: {
    count: { type: "integer" },
    list: { type: "array", items: { type: "integer" } },
    labels: { type: "object", additionalProperties: { type: "string" } },
    name: { type: "string" },
    on: { type: "boolean" },
    ratio: { type: "number" },
  },
};

const errors = (rule: string): string[] => celVerdicts(SCHEMA, rule);

describe("a field selected from a value that has none", () => {
  it.each([
    ["self.count.min < 3", "ERROR: <input>:1:11: type 'int' does not support field selection"],
    ["self.name.size > 0", "ERROR: <input>:1:10: type 'string' does not support field selection"],
    ["self.on.value", "ERROR: <input>:1:8: type 'bool' does not support field selection"],
    ["self.ratio .x == 1.0", "ERROR: <input>:1:12: type 'double' does not support field selection"],
  ])("%s", (rule, error) => {
    expect(errors(rule)).toEqual([error, error]);
  });

  it("an undefined field of an object is still cel-go's undefined field", () => {
    expect(errors("self.nope == 1")[0]).toBe("ERROR: <input>:1:5: undefined field 'nope'");
  });
});

describe("a number literal 64 bits cannot hold is cel-go's parse error, at the literal", () => {
  it.each([
    ["self.count < 1e400", "ERROR: <input>:1:14: invalid double literal"],
    ["self.count < 9223372036854775808", "ERROR: <input>:1:14: invalid int literal"],
    ["self.count < 99999999999999999999", "ERROR: <input>:1:14: invalid int literal"],
    ["self.count < 0x8000000000000000", "ERROR: <input>:1:14: invalid int literal"],
    ["uint(self.count) < 18446744073709551616u", "ERROR: <input>:1:20: invalid uint literal"],
    // A minus with parentheses negates a literal that is already out of range.
    ["self.count > -(9223372036854775808)", "ERROR: <input>:1:16: invalid int literal"],
    ["self.count > -9223372036854775809", "ERROR: <input>:1:14: invalid int literal"],
  ])("%s", (rule, error) => {
    expect(errors(rule)).toEqual([error, error]);
  });

  it.each([
    "self.count > -9223372036854775808",
    "self.count > - 9223372036854775808",
    "self.count > -0x8000000000000000",
    "self.count < 9223372036854775807 && self.count < 0x7fffffffffffffff",
    "uint(self.count) < 18446744073709551615u",
    "self.ratio > 1e-400 && self.ratio < 1.7976931348623157e308",
  ])("%s is fine", (rule) => {
    expect(errors(rule)).toEqual(["ok", "ok"]);
  });
});

describe("a call no overload takes is placed at its parenthesis, as cel-go places calls", () => {
  it.each([
    [
      "self.name.startsWith(1)",
      "ERROR: <input>:1:21: found no matching overload for 'startsWith' applied to 'string.(int)'",
    ],
    ["size(self.count) > 0", "ERROR: <input>:1:5: found no matching overload for 'size' applied to '(int)'"],
    [
      "self.name.matches(1)",
      "ERROR: <input>:1:18: found no matching overload for 'matches' applied to 'string.(int)'",
    ],
    [
      "self.count.size() > 1",
      "ERROR: <input>:1:16: found no matching overload for 'size' applied to 'int.()'",
    ],
    [
      "self.name . join ( ',' ) != ''",
      "ERROR: <input>:1:18: found no matching overload for 'join' applied to 'string.(string)'",
    ],
  ])("%s", (rule, error) => {
    expect(errors(rule)).toEqual([error, error]);
  });
});

describe("a function no environment declares is an undeclared reference, as cel-go says", () => {
  it.each([
    ["foo(self.count) == 1", "ERROR: <input>:1:4: undeclared reference to 'foo' (in container '')"],
    ["self.name.bar() == 1", "ERROR: <input>:1:14: undeclared reference to 'bar' (in container '')"],
  ])("%s", (rule, error) => {
    expect(errors(rule)).toEqual([error, error]);
  });

  it("while a declared function given other arguments has no matching overload", () => {
    expect(errors("self.name.contains(1)")[0]).toBe(
      "ERROR: <input>:1:19: found no matching overload for 'contains' applied to 'string.(int)'",
    );
  });
});

describe("operators cel-go checks as calls have no matching overload, at the operator", () => {
  it.each([
    [
      "self.list['a'] == 1",
      "ERROR: <input>:1:10: found no matching overload for '_[_]' applied to '(list(int), string)'",
    ],
    [
      "self.count[0] == 1",
      "ERROR: <input>:1:11: found no matching overload for '_[_]' applied to '(int, int)'",
    ],
    [
      "self.labels[1] == 'a'",
      "ERROR: <input>:1:12: found no matching overload for '_[_]' applied to '(map(string, string), int)'",
    ],
    ["!self.count", "ERROR: <input>:1:1: found no matching overload for '!_' applied to '(int)'"],
    ["-self.name == ''", "ERROR: <input>:1:1: found no matching overload for '-_' applied to '(string)'"],
    [
      "(self.count == 1 ? 'a' : 1) == 1",
      "ERROR: <input>:1:18: found no matching overload for '_?_:_' applied to '(bool, string, int)'",
    ],
  ])("%s", (rule, error) => {
    expect(errors(rule)).toEqual([error, error]);
  });

  it.each(["self.labels['a'] == 'b'", "self.list[0] == 1", "self.labels.all(k, self.labels[k] != '')"])(
    "%s is fine",
    (rule) => expect(errors(rule)).toEqual(["ok", "ok"]),
  );
});
