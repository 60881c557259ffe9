/**
 * Tags written with controller-gen's habits, as porting prometheus-operator's ServiceMonitor and
 * CloudNativePG's Pooler invites (test/parity/prometheus-servicemonitor.test.ts,
 * cnpg-pooler.test.ts): key=value pairs separated by commas, as a marker separates them; the
 * scale marker's argument names; several list-map keys in one tag; a message for @immutable; a
 * ":" between @validation and its value. Each is an error at the tag whose hint is the tag to
 * write, and each hint is fed back to crdgen, which must then generate the CRD.
 */
import { describe, expect, test } from "vitest";
import { errorsOf, generateFrom } from "../helpers/generate.js";

/** A root with a status and scalable `instances`, whose spec has the tagged `field`. */
function source(rootTag: string, fieldDoc: string): string {
  return `type int32 = number;
/**
 * @crd
 * @group example.com
 * @version v1
 * @subresource status
 * ${rootTag}
 */
export interface Pooler {
  spec: Spec;
  status?: { instances?: int32 };
}
export interface Spec {
  instances?: int32;
  cluster: { name: string };
  /**
   * ${fieldDoc}
   */
  field?: { group: string; resource: string; name?: string }[];
}`;
}

/** The one error of a source, as `message | hint`. */
function theError(text: string): string {
  const errors = errorsOf(text);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return `${errors[0]!.message} | ${errors[0]!.hint ?? ""}`;
}

const COMMAS =
  'separates its key=value pairs with ",", as controller-gen\'s markers do: crdgen reads them separated by spaces.';

describe("controller-gen's habits in tags", () => {
  test.each([
    [
      "root",
      "@printColumn name=Cluster,type=string,jsonPath=.spec.cluster.name",
      `@printColumn ${COMMAS} | write @printColumn name=Cluster type=string jsonPath=.spec.cluster.name`,
    ],
    [
      "root",
      '@printColumn name="Cluster", type="string", jsonPath=".spec.cluster.name"',
      `@printColumn ${COMMAS} | write @printColumn name="Cluster" type="string" jsonPath=".spec.cluster.name"`,
    ],
    // The marker's names (specpath, statuspath) are renamed too, commas or not.
    [
      "root",
      "@subresource scale specpath=.spec.instances statuspath=.status.instances",
      "@subresource does not know specpath, statuspath. | write @subresource scale specReplicasPath=.spec.instances statusReplicasPath=.status.instances",
    ],
    [
      "root",
      "@subresource scale specpath=.spec.instances,statuspath=.status.instances",
      `@subresource ${COMMAS} | write @subresource scale specReplicasPath=.spec.instances statusReplicasPath=.status.instances`,
    ],
    // A comma inside a quoted value is the value's own.
    [
      "field",
      '@listType map @listMapKey group @listMapKey resource @validation rule="self.all(x, x.group != \'\')",message="a, b"',
      `@validation ${COMMAS} | write @validation rule="self.all(x, x.group != '')" message="a, b"`,
    ],
    [
      "field",
      "@listType map @listMapKey group,resource",
      '@listMapKey takes one key, got "group,resource". | write one @listMapKey per key, in order: @listMapKey group @listMapKey resource',
    ],
    [
      "field",
      "@listType map @listMapKey group, resource",
      '@listMapKey takes one key, got "group, resource". | write one @listMapKey per key, in order: @listMapKey group @listMapKey resource',
    ],
    [
      "field",
      '@immutable message="bindings are immutable"',
      '@immutable takes no argument: its rule\'s message is always "field is immutable". | for a message of your own, write @validation rule="self == oldSelf" message="bindings are immutable" (then an optional field can still be removed, which @immutable forbids)',
    ],
    [
      "field",
      '@validation:rule="self == oldSelf"',
      '@validation reads ":rule="self == oldSelf"" as a CEL rule, which cannot start with ":". | write @validation rule="self == oldSelf"',
    ],
    // Another validation marker after `@validation:` is the tag that marker means, not a rule.
    [
      "field",
      "@validation:MaxItems=3",
      '@validation reads ":MaxItems=3" with controller-gen\'s marker MaxItems, which is no CEL rule. | write @maxItems 3',
    ],
    [
      "field",
      "@validation:Optional",
      '@validation reads ":Optional" with controller-gen\'s marker Optional, which is no CEL rule. | make the property optional: write `name?: T`',
    ],
    // A choice misspelt.
    [
      "field",
      "@listType sets",
      '@listType expects one of atomic | set | map, got "sets". | did you mean set?',
    ],
    [
      "field",
      "@schemaType arary",
      '@schemaType expects one of string | integer | number | boolean | object | array, got "arary". | did you mean array?',
    ],
    // Marker names as tags, which no did-you-mean reaches.
    ["root", "@unservedversion", "Unknown tag @unservedversion. | write @served false on the CRD root"],
    [
      "root",
      '@deprecatedversion warning="use v2"',
      'Unknown tag @deprecatedversion. | write @deprecated "<warning>" on the CRD root: there it deprecates the version',
    ],
    [
      "root",
      "@resource:scope=Cluster",
      "Unknown tag @resource. | write each setting as a tag of its own on the CRD root: @scope Namespaced|Cluster, @plural <name>, @singular <name>, @shortName <name>, @category <name>",
    ],
    [
      "field",
      "@Type array",
      "Unknown tag @Type. | write @schemaType <type> (JSDoc's @type is documentation)",
    ],
    [
      "field",
      '@Example [{"group": "a"}]',
      "Unknown tag @Example. | write @exampleValue <JSON> (JSDoc's @example is documentation)",
    ],
    ["field", "@pruning:PreserveUnknownFields", "Unknown tag @pruning. | write @preserveUnknownFields"],
  ])("on the %s: %s", (on, tag, expected) => {
    expect(theError(on === "root" ? source(tag, "") : source("", tag))).toBe(expected);
  });

  /** The tag a hint says to write, which may be several (`@listMapKey a @listMapKey b`). */
  function written(hint: string): string {
    return hint.replace(/^.*?(write |in order: )(?=@)/, "").replace(/ \(then .*$/, "");
  }

  test.each([
    ["root", "@printColumn name=Cluster,type=string,jsonPath=.spec.cluster.name"],
    ["root", "@subresource scale specpath=.spec.instances,statuspath=.status.instances"],
    ["field", "@listType map @listMapKey group,resource"],
    ["field", '@immutable message="bindings are immutable"'],
    ["field", '@validation:rule="self == oldSelf"'],
    ["field", "@validation:MaxItems=3"],
  ])("the hint for %s %s generates the CRD", (on, tag) => {
    const at = (t: string) => (on === "root" ? source(t, "") : source("", t));
    const hint = errorsOf(at(tag))[0]!.hint!;
    const fixed = tag.startsWith("@listType") ? `@listType map ${written(hint)}` : written(hint);
    const result = generateFrom(at(fixed));
    expect(result.diagnostics).toEqual([]);
  });

  test("JSDoc's own @type and @example stay documentation", () => {
    expect(
      generateFrom(source("", "@type {Array<object>}\n   * @example [{ group: 'a' }]")).diagnostics,
    ).toEqual([]);
  });

  test("a choice in another case is written out whole, not guessed at", () => {
    expect(theError(source("", "@listType Set"))).toBe(
      '@listType expects one of atomic | set | map, got "Set". | write @listType set',
    );
  });

  test("an unquoted value keeps a comma before a key the tag does not know", () => {
    const result = generateFrom(
      source("", '@externalDocs url=https://example.com/?q=a,b=c description="search"'),
    );
    expect(result.diagnostics).toEqual([]);
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
    expect(spec.properties!.field!.externalDocs).toEqual({
      url: "https://example.com/?q=a,b=c",
      description: "search",
    });
  });

  test("an unquoted value keeps a comma that no key=value follows", () => {
    const result = generateFrom(
      source(
        "@printColumn name=Cluster type=string jsonPath=.spec.cluster.name",
        "@validation rule=self.all(x,x.group!='')",
      ),
    );
    expect(result.diagnostics).toEqual([]);
  });
});
