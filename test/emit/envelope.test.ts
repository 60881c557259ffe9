/** CRD-level tags, their defaults, and the envelope. */
import { describe, expect, test } from "vitest";
import { pluralize } from "../../src/read/names.js";
import { compareVersions } from "../../src/emit/versions.js";
import { errorsOf, generateFrom } from "../helpers/generate.js";

describe("pluralize", () => {
  test.each([
    ["cronjob", "cronjobs"],
    ["class", "classes"],
    ["box", "boxes"],
    ["quiz", "quizes"],
    ["patch", "patches"],
    ["mesh", "meshes"],
    ["policy", "policies"],
    ["gateway", "gateways"],
    ["testquota", "testquotas"],
  ])("%s -> %s", (singular, plural) => expect(pluralize(singular)).toBe(plural));
});

test("Kubernetes version order", () => {
  const sorted = ["v1alpha1", "v1beta1", "v2", "foo", "v1", "v1beta2", "v10alpha3"].sort(compareVersions);
  expect(sorted).toEqual(["v2", "v1", "v1beta2", "v1beta1", "v10alpha3", "v1alpha1", "foo"]);
});

const ROOT = (tags: string) => `/**
 * Policy for things.
${tags
  .split("\n")
  .map((l) => ` * ${l}`)
  .join("\n")}
 */
export interface NetworkPolicy { spec: { a?: string }; status?: { ok?: boolean } }
`;

describe("envelope", () => {
  test("defaults: kind from type name, plural, singular, listKind, Namespaced", () => {
    const { crds } = generateFrom(ROOT("@crd\n@group net.example.com\n@version v1beta1"));
    expect(crds[0]).toEqual({
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "networkpolicies.net.example.com" },
      spec: {
        group: "net.example.com",
        names: {
          kind: "NetworkPolicy",
          listKind: "NetworkPolicyList",
          plural: "networkpolicies",
          singular: "networkpolicy",
        },
        scope: "Namespaced",
        versions: [
          {
            name: "v1beta1",
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: expect.objectContaining({
                description: "Policy for things.",
                required: ["spec"],
              }),
            },
          },
        ],
      },
    });
  });

  test("every CRD-level tag", () => {
    const { crds } = generateFrom(
      ROOT(
        "@crd\n@group net.example.com\n@version v2\n@kind NetPol\n@plural netpolicies\n@singular netpolicy\n@scope Cluster\n@shortName np\n@shortName npol\n@category all\n@category net",
      ),
    );
    expect(crds[0]!.metadata.name).toBe("netpolicies.net.example.com");
    expect(crds[0]!.spec.names).toEqual({
      kind: "NetPol",
      listKind: "NetPolList",
      plural: "netpolicies",
      singular: "netpolicy",
      shortNames: ["np", "npol"],
      categories: ["all", "net"],
    });
    expect(crds[0]!.spec.scope).toBe("Cluster");
  });

  test("root schema has apiVersion, kind, metadata: {type: object} before the user's fields", () => {
    const { crds } = generateFrom(ROOT("@crd\n@group a.io\n@version v1"));
    const schema = crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!;
    expect(Object.keys(schema.properties!)).toEqual(["apiVersion", "kind", "metadata", "spec", "status"]);
    expect(schema.properties!.metadata).toEqual({ type: "object" });
    expect(schema.properties!.apiVersion!.type).toBe("string");
  });

  // Go's `json:"metadata"` without omitempty (CloudNativePG's, Argo CD's roots): controller-gen requires it.
  test.each([
    ["metadata: Meta", "", ["metadata", "spec"]],
    ["metadata?: Meta", "", ["spec"]],
    ["", "", ["spec"]],
    // A union makes the transforms run, rather than emit's direct path.
    ["metadata: Meta", "b?: string | null; c: 1 | 2;", ["metadata", "spec"]],
    ["metadata: Meta; apiVersion: string; kind: string", "", ["metadata", "spec"]],
  ])("a root's `%s` %s: required %j", (members, spec, required) => {
    const { crds, diagnostics } = generateFrom(`interface Meta { name?: string }
/** @crd @group a.io @version v1 */
export interface Thing { ${members}${members ? ";" : ""} spec: { a?: string; ${spec} } }`);
    expect(diagnostics).toEqual([]);
    expect(crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.required).toEqual(required);
  });

  test("invalid CRD-level values are located errors", () => {
    const errors = errorsOf(ROOT("@crd\n@group Not_A_Group\n@version 1\n@scope Global"));
    expect(errors.map((e) => e.message)).toEqual([
      '@group expects a DNS subdomain such as batch.example.com, got "Not_A_Group".',
      '@version expects a version name such as v1 or v1beta1, got "1".',
      '@scope expects one of Namespaced | Cluster, got "Global".',
    ]);
  });

  test("several versions of one kind make one CRD, highest first, with one storage version", () => {
    const source = ["v1alpha1", "v1", "v1beta1"]
      .map(
        (v) => `/**
 * @crd
 * @group a.io
 * @version ${v}
 * @kind Thing${v === "v1" ? "\n * @storageVersion" : ""}
 */
export interface Thing_${v} { spec: { ${v}: string } }`,
      )
      .join("\n");
    const { crds, diagnostics } = generateFrom(source);
    expect(diagnostics).toEqual([]);
    expect(crds).toHaveLength(1);
    expect(crds[0]!.spec.versions.map((v) => [v.name, v.storage])).toEqual([
      ["v1", true],
      ["v1beta1", false],
      ["v1alpha1", false],
    ]);
  });

  test("several versions without @storageVersion is an error", () => {
    const source = `/** @crd @group a.io @version v1 @kind T */\nexport interface A { spec: { a: string } }\n/** @crd @group a.io @version v2 @kind T */\nexport interface B { spec: { a: string } }`;
    expect(errorsOf(source)[0]!.message).toBe(
      "T.a.io has 2 versions (v2, v1) but none is tagged @storageVersion.",
    );
  });

  test("two @storageVersion roots: an error naming both", () => {
    const source = `/** @crd @group a.io @version v1 @kind T @storageVersion */\nexport interface A { spec: { a?: string } }\n/** @crd @group a.io @version v2 @kind T @storageVersion */\nexport interface B { spec: { a?: string } }`;
    expect(errorsOf(source)[0]!.message).toBe("T.a.io has more than one @storageVersion: B (v2) and A (v1).");
  });

  test("versions that disagree on scope or names: an error naming the mismatch", () => {
    const source = `/** @crd @group a.io @version v1 @kind T @storageVersion */\nexport interface A { spec: { a?: string } }\n/** @crd @group a.io @version v2 @kind T @scope Cluster */\nexport interface B { spec: { a?: string } }`;
    expect(errorsOf(source)[0]!.message).toBe(
      "Versions of T.a.io disagree on scope: v2 (B) has Cluster, but v1 (A, line 2) has Namespaced.",
    );
    const names = `/** @crd @group a.io @version v1 @kind T @storageVersion @plural ts */\nexport interface A { spec: { a?: string } }\n/** @crd @group a.io @version v2 @kind T @plural things */\nexport interface B { spec: { a?: string } }`;
    expect(errorsOf(names)[0]!.message).toContain(
      "disagree on plural: v2 (B) has things, but v1 (A, line 2) has ts",
    );
  });

  test("the same version twice: an error naming both roots", () => {
    const source = `/** @crd @group a.io @version v1 @kind T */\nexport interface A { spec: { a?: string } }\n/** @crd @group a.io @version v1 @kind T */\nexport interface B { spec: { a?: string } }`;
    expect(errorsOf(source).map((e) => e.message)).toContain(
      "T.a.io version v1 is declared more than once: by B here and by A (line 2).",
    );
  });
});

describe("@printColumn wrapped over several comment lines", () => {
  // A column's description is one marker argument in controller-gen; a long one ported to a doc
  // comment gets wrapped, and used to keep the line breaks.
  test("the description's lines are joined with a space", () => {
    const { crds, diagnostics } = generateFrom(
      ROOT(
        '@crd\n@group net.example.com\n@version v1\n@printColumn name=Age type=date jsonPath=.metadata.creationTimestamp description="CreationTimestamp is a\n  timestamp of the server."',
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(crds[0]!.spec.versions[0]!.additionalPrinterColumns).toEqual([
      {
        name: "Age",
        type: "date",
        jsonPath: ".metadata.creationTimestamp",
        description: "CreationTimestamp is a timestamp of the server.",
      },
    ]);
  });
});

describe("repeated CRD-level tags", () => {
  // Kubernetes accepts a short name or a category twice and kubectl shows two columns of one
  // name; an annotation or label given twice would keep only its last value.
  const BASE = "@crd\n@group net.example.com\n@version v1\n@subresource status";

  test.each([
    "@shortName np\n@shortName npol\n@category all\n@category net",
    "@annotation example.com/a=1\n@annotation example.com/b=1\n@label a=1\n@label b=1",
    "@printColumn name=A type=string jsonPath=.spec.a\n@printColumn name=B type=string jsonPath=.spec.a",
    // Cluster API's MachineDeployment: a condition's status and a count, both headed AVAILABLE.
    "@printColumn name=A type=string jsonPath=.spec.a\n@printColumn name=A type=boolean jsonPath=.status.ok",
    "@selectableField .spec.a\n@selectableField .status.ok",
  ])("%j: distinct values are fine", (tags) => {
    expect(errorsOf(ROOT(`${BASE}\n${tags}`))).toEqual([]);
  });

  test.each([
    ["@shortName np\n@shortName np", "@shortName np is given more than once (first at line 7)."],
    ["@category all\n@category all", "@category all is given more than once (first at line 7)."],
    [
      "@annotation example.com/team=a\n@annotation example.com/team=b",
      "@annotation example.com/team is given more than once, with a different value (first at line 7).",
    ],
    ["@label tier=api\n@label tier=api", "@label tier is given more than once (first at line 7)."],
    [
      "@printColumn name=A type=string jsonPath=.spec.a\n@printColumn name=A type=string jsonPath=.spec.a priority=1",
      "@printColumn name=A jsonPath=.spec.a is given more than once, with a different value (first at line 7).",
    ],
    [
      "@selectableField .spec.a\n@selectableField .spec.a",
      "@selectableField .spec.a is given more than once (first at line 7).",
    ],
    ["@subresource status", "@subresource status is given more than once (first at line 6)."],
  ])("%j is an error at the repeated tag", (tags, message) => {
    const errors = errorsOf(ROOT(`${BASE}\n${tags}`));
    expect(errors.map((e) => [e.code, e.message])).toEqual([["CRD1004", message]]);
    // Line 1 is `/**`, then the description, then the tags, one a line.
    expect(errors[0]!.location).toMatchObject({
      line: 3 + BASE.split("\n").length + tags.split("\n").length - 1,
    });
  });
});
