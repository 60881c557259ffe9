/**
 * A `@crd` root used as a type: a root extending another (one version declared from another, as a
 * port of Kyverno's PolicyException would write v1alpha1 from v1beta1), or a field holding a whole
 * resource of another kind. Its CRD- and version-level tags belong to its own CRD; where it is a
 * type, it is a named type with its description and type tags. These tags were once reported as
 * misplaced at the root ("@crd belongs on a CRD root (a type tagged @crd)").
 */
import { describe, expect, test } from "vitest";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import { generateFrom } from "../helpers/generate.js";

const BETA = `
/**
 * PolicyException declares resources to be excluded.
 * @crd
 * @group policies.example.com
 * @version v1beta1
 * @kind PolicyException
 * @storageVersion
 * @deprecated "v1beta1 is going away"
 * @validation rule="has(self.spec)" message="a spec"
 */
export interface PolicyExceptionV1beta1 {
  spec: { policyRefs: string[] };
}
`;

function crds(source: string): CustomResourceDefinition[] {
  const result = generateFrom(source);
  expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return result.ok ? result.crds : [];
}

describe("a root that extends another root", () => {
  const [crd] = crds(`${BETA}
/**
 * PolicyException, the old version.
 * @crd
 * @group policies.example.com
 * @version v1alpha1
 * @kind PolicyException
 */
export interface PolicyExceptionV1alpha1 extends PolicyExceptionV1beta1 {}
`);
  const versions = crd!.spec.versions;
  const alpha = versions.find((v) => v.name === "v1alpha1")!;

  test("is a version of its own, with the base's members and rules and its own description", () => {
    expect(versions.map((v) => [v.name, v.storage])).toEqual([
      ["v1beta1", true],
      ["v1alpha1", false],
    ]);
    const schema = alpha.schema!.openAPIV3Schema!;
    expect(schema.description).toBe("PolicyException, the old version.");
    expect(schema.properties!.spec!.properties!.policyRefs).toEqual({
      type: "array",
      items: { type: "string" },
    });
    expect(schema["x-kubernetes-validations"]).toEqual([{ rule: "has(self.spec)", message: "a spec" }]);
  });

  test("does not take the base's version-level @deprecated", () => {
    expect(alpha.deprecated).toBeUndefined();
    expect(versions.find((v) => v.name === "v1beta1")).toMatchObject({
      deprecated: true,
      deprecationWarning: "v1beta1 is going away",
    });
  });
});

test("a root as a field's type is a named type: its description and rules, no deprecation note", () => {
  const gadget = crds(`${BETA}
/**
 * @crd
 * @group policies.example.com
 * @version v1
 */
export interface Gadget {
  spec?: { exception?: PolicyExceptionV1beta1 };
}
`).find((crd) => crd.spec.names.kind === "Gadget");
  const spec = gadget!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
  expect(spec.properties!.exception).toEqual({
    description: "PolicyException declares resources to be excluded.",
    type: "object",
    properties: {
      spec: {
        type: "object",
        properties: { policyRefs: { type: "array", items: { type: "string" } } },
        required: ["policyRefs"],
      },
    },
    required: ["spec"],
    "x-kubernetes-validations": [{ rule: "has(self.spec)", message: "a spec" }],
  });
});

test("a root's tag problems are reported once, at the root, however often it is used as a type", () => {
  const result = generateFrom(`
/**
 * @crd
 * @group policies.example.com
 * @version v1
 * @maxProperties lots
 */
export interface Widget {
  spec?: { a?: string };
}
/**
 * @crd
 * @group policies.example.com
 * @version v1
 */
export interface Gadget {
  spec?: { one?: Widget; two?: Widget[] };
}
`);
  expect(result.diagnostics.map((d) => [d.code, d.message, d.location?.line])).toEqual([
    ["CRD1004", '@maxProperties expects a non-negative integer, got "lots".', 6],
  ]);
});
