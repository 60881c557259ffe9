/**
 * A discriminated union's per-member rules name only fields Kubernetes' CEL can see: a member
 * requiring a field of no type (`unknown`), or a list or map of such values, gets a CRD the API
 * server accepts, with a warning at the member's field that its rule leaves that field out.
 */
import { describe, expect, test } from "vitest";
import { generateFrom, withRoot } from "../helpers/generate.js";
import { validateCrd } from "../../src/validate/index.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";

const union = (member: string) =>
  withRoot(
    "{\n  source?: Source;\n}",
    `type Source =\n  | {\n      kind: "inline";\n${member}\n    }\n  | { kind: "url"; url: string };\n`,
  );

function generated(member: string) {
  const result = generateFrom(union(member));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => d.message)).toEqual([]);
  const crd = result.crds[0]!;
  expect(validateCrd(crd)).toEqual([]);
  const spec = crd.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
  const source = spec.properties!.source as JSONSchemaProps;
  return { result, rules: (source["x-kubernetes-validations"] ?? []).map((r) => r.rule) };
}

describe("a member requiring a field CEL cannot see", () => {
  test.each([
    ["unknown", "      data: unknown;"],
    ["any", "      data: any;"],
    ["a map of unknown values", "      data: Record<string, unknown>;"],
    ["a list of unknown values", "      data: unknown[];"],
  ])("%s: left out of the member's rule, with a located warning", (_, member) => {
    const { result, rules } = generated(member);
    expect(rules).toEqual(["self.kind != 'url' || has(self.url)"]);
    const warnings = result.diagnostics.filter((d) => d.code === "CRD3010");
    expect(warnings).toHaveLength(1);
    // At the member's field, where the fix is made.
    const fieldLine = union(member).split("\n").indexOf(member) + 1;
    expect(warnings[0]).toMatchObject({ severity: "warning", path: "Widget.spec.source.data" });
    expect(warnings[0]!.location).toMatchObject({ line: fieldLine, column: 7 });
    expect(warnings[0]!.location!.file).toMatch(/types\.ts$/);
    expect(warnings[0]!.message).toMatch(
      /^kind inline requires data, which the union's CEL rule cannot check/,
    );
  });

  test("beside a field CEL sees, the rule checks that one", () => {
    const { result, rules } = generated("      data: unknown;\n      name: string;");
    expect(rules).toEqual(["self.kind != 'inline' || has(self.name)", "self.kind != 'url' || has(self.url)"]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["CRD3010"]);
  });

  test("an object of any fields tagged @preserveUnknownFields is seen: its rule stays, no warning", () => {
    const { result, rules } = generated(
      "      /** @preserveUnknownFields */\n      data: Record<string, unknown>;",
    );
    expect(rules).toEqual(["self.kind != 'inline' || has(self.data)", "self.kind != 'url' || has(self.url)"]);
    expect(result.diagnostics).toEqual([]);
  });
});

test("a union used by two fields is warned of once, at its member, naming the other use", () => {
  const source = union("      data: unknown;").replace(
    "  source?: Source;",
    "  source?: Source;\n  backup: Source[];",
  );
  const warnings = generateFrom(source).diagnostics.filter((d) => d.code === "CRD3010");
  expect(warnings.map((d) => [d.path, d.location?.line])).toEqual([
    ["Widget.spec.source.data", source.split("\n").indexOf("      data: unknown;") + 1],
  ]);
  expect(warnings[0]!.message).toMatch(/\(also at Widget\.spec\.backup\[\]\.data\)$/);
});

test("@noUnionRules on the field: no rules, and nothing to warn of", () => {
  const result = generateFrom(
    union("      data: unknown;").replace("  source?: Source;", "  /** @noUnionRules */\n  source?: Source;"),
  );
  expect(result.ok).toBe(true);
  expect(result.diagnostics).toEqual([]);
  const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
  expect((spec.properties!.source as JSONSchemaProps)["x-kubernetes-validations"]).toBeUndefined();
});
