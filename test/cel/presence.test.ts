/**
 * cel-go rejects `has(x.f)` when `x` is an object type without field `f` ("undefined field"),
 * however deep `x` sits; cel-js types only the root of has()'s argument, so crdgen judges the rest.
 */
import { describe, expect, it } from "vitest";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { celVerdicts } from "../helpers/cel-verdicts.js";

const item: JSONSchemaProps = { type: "object", properties: { q: { type: "string" } } };
const SCHEMA: JSONSchemaProps = {
  type: "object",
  properties: {
    x: { type: "object", properties: { z: { type: "string" }, inner: item } },
    byKey: { type: "object", additionalProperties: item },
    list: { type: "array", items: item },
    open: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
  },
};

const verdicts = (rule: string): string[] => celVerdicts(SCHEMA, rule);

describe("presence tests", () => {
  it.each([
    ["has(self.y)", "ERROR: <input>:1:9: undefined field 'y'"],
    ["has(self.x.y)", "ERROR: <input>:1:11: undefined field 'y'"],
    ["has(self.x.inner.nope)", "ERROR: <input>:1:17: undefined field 'nope'"],
    ["has(self.byKey.k.nope)", "ERROR: <input>:1:17: undefined field 'nope'"],
    ["has(self.list[0].nope)", "ERROR: <input>:1:17: undefined field 'nope'"],
    ["self.list.all(e, has(e.nope))", "ERROR: <input>:1:23: undefined field 'nope'"],
    // Unknown fields an object keeps are not CEL's to read, as a selection of one already says.
    ["has(self.open.anything)", "ERROR: <input>:1:14: undefined field 'anything'"],
  ])("%s is an error at the field", (rule, error) => {
    expect(verdicts(rule)).toEqual([error, error]);
  });

  it("says so of a selection of an unknown field too", () => {
    expect(verdicts("self.open.anything == 'a'")[0]).toContain("undefined field 'anything'");
  });

  it.each([
    "has(self.x)",
    "has(self.x.z)",
    "has(self.x.inner.q)",
    "has(self.byKey.k)",
    "has(self.byKey.k.q)",
    "has(self.list[0].q)",
    "self.list.all(e, has(e.q))",
    "has(self.open)",
  ])("%s checks", (rule) => {
    expect(verdicts(rule)).toEqual(["ok", "ok"]);
  });
});
