/**
 * An operator's API moved from kube-rs to TypeScript: `#[kube(...)]` attributes become root tags
 * (the README's "Coming from kube-rs" table, checked here against kube-rs' own kitchen-sink CRD),
 * and what a Rust author writes out of habit — attribute names as tags, quoted values,
 * `key = value`, snake_case keys, the legacy JSON strings, quoted regexes — is an error whose hint
 * is the tag to write. The schemas themselves are compared in test/transforms/kube-rs-anchors.test.ts.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from "../../src/schema/types.js";
import { errorsOf, generateFrom, withRoot } from "../helpers/generate.js";

/** `@<tag>` lines on a root whose spec has a string `name` and an integer `replicas`, and a status. */
function rootWith(tags: string): string {
  return `type int32 = number;
/**
 * @crd
 * @group clux.dev
 * @version v1
 * @subresource status
${tags
  .split("\n")
  .map((t) => ` * ${t}`)
  .join("\n")}
 */
export interface Foo {
  spec: { name: string; replicas?: int32 };
  status?: { replicas: int32 };
}`;
}

/** Each error of a source, as `message | hint`. */
function errors(source: string): string[] {
  return errorsOf(source).map((d) => `${d.message} | ${d.hint ?? ""}`);
}

describe("the kube-rs kitchen sink (crd_schema_test's Foo) as tags", () => {
  const anchor = JSON.parse(
    readFileSync(
      new URL(
        "../../../shared/anchors/kube-rs/crd_schema_test__test_crd_schema_matches_expected.json",
        import.meta.url,
      ),
      "utf8",
    ),
  ) as CustomResourceDefinition;

  const source = `type int32 = number;
type int64 = number;
/**
 * Custom resource representing a Foo
 * @crd
 * @group clux.dev
 * @version v1
 * @category clux
 * @shortName fo
 * @shortName f
 * @served false
 * @deprecated "my warning"
 * @selectableField .spec.nonNullable
 * @selectableField .spec.nullable
 * @annotation clux.dev=cluxingv1
 * @annotation clux.dev/firewall=enabled
 * @label clux.dev=cluxingv1
 * @label clux.dev/persistence=disabled
 * @validation rule="self.metadata.name == 'singleton'"
 * @subresource status
 * @printColumn name=Spec type=string jsonPath=.spec.name
 * @subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas labelSelectorPath=.status.labelSelector
 */
export interface Foo {
  spec: FooSpec;
  status?: { replicas: int64; labelSelector: string };
}
/** @validation rule="has(self.nonNullable)" */
export interface FooSpec {
  name?: string;
  replicas?: int32;
  nonNullable: string;
  nullable?: string | null;
}`;

  test("gives kube-rs' envelope: names, scope, version flags, columns, fields, subresources, metadata, rules", () => {
    const result = generateFrom(source);
    expect(result.diagnostics).toEqual([]);
    const crd = result.crds[0]!;
    const [version] = crd.spec.versions;
    const [expected] = anchor.spec.versions;
    expect(crd.metadata).toEqual(anchor.metadata);
    // kube-rs leaves out listKind, which the API server fills in.
    expect(crd.spec.names).toEqual({ ...anchor.spec.names, listKind: "FooList" });
    expect(crd.spec.group).toBe(anchor.spec.group);
    // kube-rs writes Namespaced for `namespaced`; crdgen's default is the same.
    expect(crd.spec.scope).toBe(anchor.spec.scope);
    const pick = ({
      name,
      served,
      deprecated,
      deprecationWarning,
      additionalPrinterColumns,
      selectableFields,
      subresources,
    }: CustomResourceDefinitionVersion) => ({
      name,
      served,
      deprecated,
      deprecationWarning,
      additionalPrinterColumns,
      selectableFields,
      subresources,
    });
    expect(pick(version!)).toEqual(pick(expected!));
    // kube-rs' `storage = false` on the only version is a CRD the API server refuses.
    expect(expected!.storage).toBe(false);
    expect(version!.storage).toBe(true);
    const schema = version!.schema!.openAPIV3Schema!;
    const want = expected!.schema!.openAPIV3Schema!;
    expect(schema["x-kubernetes-validations"]).toEqual(want["x-kubernetes-validations"]);
    expect(schema.properties!.spec!["x-kubernetes-validations"]).toEqual(
      want.properties!.spec!["x-kubernetes-validations"],
    );
  });
});

describe("kube-rs attribute names as tags: the hint names crdgen's way", () => {
  test.each([
    ["namespaced", /namespaced unless it says @scope Cluster/],
    ["selectable .spec.name", /^write @selectableField /],
    ["scale", /^write @subresource scale specReplicasPath=/],
    ["status", /^write @subresource status/],
    ["storage", /^write @storageVersion/],
    ["doc Custom resource", /the root's doc comment is the CRD's description/],
    ["root FooCrd", /@kind sets the kind/],
    ["cel", /@validation rule=/],
  ])("@%s", (tag, hint) => {
    const [error] = errorsOf(rootWith(`@${tag}`));
    expect(error).toMatchObject({
      code: "CRD1003",
      message: `Unknown tag @${tag.split(" ")[0]}.`,
      hint: expect.stringMatching(hint),
    });
  });

  test.each([
    ["regex ^a", /^write @pattern <regex>/],
    ["length min=1", /@minLength\/@maxLength/],
    ["range min=1", /^write @minimum <number> and @maximum/],
    ["min 1", /@minimum/],
    ["email", /^write @format email$/],
    ["url", /^write @format uri$/],
    ["validate self > 0", /@validation rule=/],
    ["rename x-y", /quote a name/],
    ["skip", /leave the property out/],
    ["flatten", /extends Base/],
    ["untagged", /union of object types/],
    ['x_kube(validation = "self > 0")', /a Rust attribute/],
    ["schemars(length(min = 1))", /a Rust attribute/],
  ])("@%s on a field", (tag, hint) => {
    const name = /^\w+/.exec(tag)![0];
    const [error] = errorsOf(withRoot(`{\n  /** @${tag} */\n  f: string;\n}`));
    expect(error).toMatchObject({
      code: "CRD1003",
      message: `Unknown tag @${name}.`,
      hint: expect.stringMatching(hint),
    });
  });
});

describe("a value written as an attribute writes it", () => {
  test.each([
    ['@kind "Foo"', '@kind expects a kind such as CronJob, got ""Foo"". | write @kind Foo'],
    [
      "@scope namespaced",
      '@scope expects one of Namespaced | Cluster, got "namespaced". | write @scope Namespaced',
    ],
    [
      '@scope "cluster"',
      '@scope expects one of Namespaced | Cluster, got ""cluster"". | write @scope Cluster',
    ],
    ["@served=false", '@served expects true or false, got "=false". | write @served false'],
    [
      '@selectableField ".spec.name"',
      "@selectableField is written in quotes, which would be part of the path. | write @selectableField .spec.name",
    ],
    // Nothing to unwrap: the tag's syntax, as before.
    [
      "@scope Global",
      '@scope expects one of Namespaced | Cluster, got "Global". | write @scope Namespaced|Cluster',
    ],
  ])("%s", (tag, error) => {
    expect(errors(rootWith(tag))).toEqual([error]);
  });

  test.each([
    ["@minLength=1", '@minLength expects a non-negative integer, got "=1". | write @minLength 1'],
    ["@maxLength(10)", '@maxLength expects a non-negative integer, got "(10)". | write @maxLength 10'],
    ["@listType Map", '@listType expects one of atomic | set | map, got "Map". | write @listType map'],
  ])("%s on a field", (tag, error) => {
    expect(errors(withRoot(`{\n  /** ${tag} */\n  f?: string[];\n}`))).toEqual([error]);
  });

  test.each([
    [
      '@shortName "fo"',
      "@shortName is written in quotes, which would be part of the name. | write @shortName fo",
    ],
    [
      "@category 'clux'",
      "@category is written in quotes, which would be part of the name. | write @category clux",
    ],
    [
      '@singular "foo"',
      "@singular is written in quotes, which would be part of the name. | write @singular foo",
    ],
    [
      "@shortName fo,f",
      '@shortName takes one name, got "fo,f". | write one tag per name: @shortName fo, @shortName f',
    ],
    [
      '@shortName "fo", "f"',
      '@shortName takes one name, got ""fo", "f"". | write one tag per name: @shortName fo, @shortName f',
    ],
    [
      "@category a b",
      '@category takes one name, got "a b". | write one tag per name: @category a, @category b',
    ],
    ["@singular a b", '@singular expects a single word, got "a b". | write @singular <name>'],
  ])("%s: a name is one bare word", (tag, error) => {
    expect(errors(rootWith(tag))).toEqual([error]);
  });
});

describe("kube-rs' keys and legacy JSON strings in key=value tags", () => {
  test.each([
    [
      "@printColumn json_path=.spec.name name=Spec type_=string",
      "@printColumn does not know json_path, type_. | write @printColumn jsonPath=.spec.name name=Spec type=string",
    ],
    [
      '@printColumn name=Spec type=string jsonpath=.spec.name description="The name"',
      '@printColumn does not know jsonpath. | write @printColumn name=Spec type=string jsonPath=.spec.name description="The name"',
    ],
    [
      "@subresource scale spec_replicas_path=.spec.replicas status_replicas_path=.status.replicas",
      "@subresource does not know spec_replicas_path, status_replicas_path. | write @subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas",
    ],
    [
      "@validation rule=\"self.spec.name != 'a'\" field_path=.spec.name",
      "@validation does not know field_path. | write @validation rule=\"self.spec.name != 'a'\" fieldPath=.spec.name",
    ],
    [
      '@printColumn {"name": "Spec", "type": "string", "jsonPath": ".spec.name"}',
      "@printColumn takes key=value, not JSON. | write @printColumn name=Spec type=string jsonPath=.spec.name",
    ],
    [
      '@printColumn r#"{"name":"Spec", "type":"string", "description":"name of foo", "jsonPath":".spec.name"}"#',
      '@printColumn takes key=value, not JSON. | write @printColumn name=Spec type=string description="name of foo" jsonPath=.spec.name',
    ],
    [
      '@subresource scale {"specReplicasPath":".spec.replicas","statusReplicasPath":".status.replicas"}',
      "@subresource takes key=value, not JSON. | write @subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas",
    ],
    // A key that is no known one in snake_case: the message alone, as before.
    [
      "@printColumn name=Spec type=string jsonPath=.spec.name title=x",
      '@printColumn does not know title. | write @printColumn name=<n> type=<t> jsonPath=<.path> [description="..."] [format=<f>] [priority=<n>]',
    ],
    // Renamed, json_path would meet the jsonPath given: no rewrite.
    [
      "@printColumn name=Spec type=string jsonPath=.spec.name json_path=.spec.name",
      '@printColumn does not know json_path. | write @printColumn name=<n> type=<t> jsonPath=<.path> [description="..."] [format=<f>] [priority=<n>]',
    ],
  ])("%s", (tag, error) => {
    expect(errors(rootWith(tag))).toEqual([error]);
  });

  test.each([
    "@printColumn json_path=.spec.name name=Spec type_=string",
    '@printColumn r#"{"name":"Spec", "type":"string", "description":"name of foo", "jsonPath":".spec.name"}"#',
    "@subresource scale spec_replicas_path=.spec.replicas status_replicas_path=.status.replicas",
    "@validation rule=\"self.spec.name != 'a'\" field_path=.spec.name",
  ])("the hint for %s is a tag that works", (tag) => {
    const [error] = errorsOf(rootWith(tag));
    const written = /^write (@.*)$/.exec(error!.hint!)![1]!;
    expect(generateFrom(rootWith(written)).diagnostics).toEqual([]);
  });

  test("a fieldPath starts at the rule's node, with a dot (kube-rs' `field_path(\"spec.host\")`)", () => {
    expect(errors(rootWith("@validation rule=\"self.spec.name != 'a'\" fieldPath=spec.name"))).toEqual([
      '@validation fieldPath must start with "." or "[" (a path from the node the rule is on), got "spec.name". | write fieldPath=.spec.name',
    ]);
  });
});

describe("a @pattern in quotes, as Rust, Go and JavaScript write a regex in code", () => {
  const MESSAGE =
    "@pattern is written in quotes: the API server would match the quotes as characters, so no value would match.";

  test.each([
    ['"^[a-z]+$"', "^[a-z]+$"],
    ['r"^[a-z]+$"', "^[a-z]+$"],
    ['r#"^[a-z]+$"#', "^[a-z]+$"],
    ["'^[a-z]+$'", "^[a-z]+$"],
    ["`^\\d+$`", "^\\d+$"],
    // A Rust (and JSON) string's `\\` is one backslash; a `\d` no JSON string has is kept.
    ['"^\\\\d+$"', "^\\d+$"],
    ['"^\\d+$"', "^\\d+$"],
    ['"[a-z]+$"', "[a-z]+$"],
  ])("@pattern %s is an error whose hint is the pattern", (written, pattern) => {
    expect(errors(withRoot(`{\n  /** @pattern ${written} */\n  f?: string;\n}`))).toEqual([
      `${MESSAGE} | write @pattern ${pattern}`,
    ]);
  });

  test.each(['"quoted"', '^"a"$', "'a'|b"])("@pattern %s is a pattern with quotes in it", (pattern) => {
    const result = generateFrom(withRoot(`{\n  /** @pattern ${pattern} */\n  f?: string;\n}`));
    expect(result.diagnostics).toEqual([]);
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
    expect(spec.properties!.f!.pattern).toBe(pattern);
  });
});
