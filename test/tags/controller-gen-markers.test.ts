/**
 * What each controller-gen marker pasted into a doc comment means for crdgen: the tags to write
 * instead (each fed back through crdgen's own parser for that tag, so that no hint suggests text
 * crdgen would refuse), advice where crdgen writes it in TypeScript, or nothing for markers that
 * only drive Go code generation.
 */
import { describe, expect, test } from "vitest";
import { equivalentHint, readMarker, type MarkerEquivalent } from "../../src/tags/controller-gen-markers.js";
import { tagRegistry } from "../../src/tags/index.js";

/** Marker line, the hint it gives. */
const HINTS: [string, string][] = [
  ["+kubebuilder:validation:Minimum=0", "write @minimum 0"],
  ["+kubebuilder:validation:Maximum=10.5", "write @maximum 10.5"],
  ["+kubebuilder:validation:Minimum:=-3", "write @minimum -3"],
  ["+kubebuilder:validation:ExclusiveMinimum=true", "write @exclusiveMinimum"],
  ["+kubebuilder:validation:ExclusiveMaximum", "write @exclusiveMaximum"],
  ["+kubebuilder:validation:ExclusiveMaximum=false", "remove it: false is the default"],
  ["+kubebuilder:validation:MultipleOf=5", "write @multipleOf 5"],
  ["+kubebuilder:validation:MinLength=1", "write @minLength 1"],
  ["+kubebuilder:validation:MaxLength=63", "write @maxLength 63"],
  ["+kubebuilder:validation:MinItems=1", "write @minItems 1"],
  ["+kubebuilder:validation:MaxItems=8", "write @maxItems 8"],
  ["+kubebuilder:validation:MinProperties=1", "write @minProperties 1"],
  ["+kubebuilder:validation:MaxProperties=16", "write @maxProperties 16"],
  ["+kubebuilder:validation:Pattern=`^[a-z]+(-[a-z]+)*$`", "write @pattern ^[a-z]+(-[a-z]+)*$"],
  ['+kubebuilder:validation:Pattern="^\\\\d+$"', "write @pattern ^\\d+$"],
  // metav1.Condition's type pattern: its star and slash would end the doc comment the tag goes in.
  [
    "+kubebuilder:validation:Pattern=`^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]$`",
    "write @pattern ^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/)?[A-Za-z0-9]$",
  ],
  ["+kubebuilder:validation:Format=date-time", "write @format date-time"],
  ["+kubebuilder:validation:UniqueItems=true", "write @uniqueItems"],
  ["+kubebuilder:validation:Type=string", "write @schemaType string"],
  ["+kubebuilder:validation:Nullable", "write @nullable"],
  ["+nullable", "write @nullable"],
  ["+kubebuilder:validation:XPreserveUnknownFields", "write @preserveUnknownFields"],
  ["+kubebuilder:pruning:PreserveUnknownFields", "write @preserveUnknownFields"],
  ["+kubebuilder:validation:XEmbeddedResource", "write @embeddedResource"],
  ["+kubebuilder:validation:EmbeddedResource", "write @embeddedResource"],
  ["+kubebuilder:validation:XIntOrString", "write @intOrString"],
  ["+kubebuilder:validation:Schemaless", "write @schemaless"],
  [
    '+kubebuilder:validation:XValidation:rule="self.minReplicas <= self.maxReplicas",message="min must not exceed max"',
    'write @validation rule="self.minReplicas <= self.maxReplicas" message="min must not exceed max"',
  ],
  [
    '+kubebuilder:validation:XValidation:rule="self != \\"x\\"",messageExpression="\'bad: \' + self",reason=FieldValueForbidden,fieldPath=".a",optionalOldSelf=true',
    'write @validation rule=\'self != "x"\' messageExpression="\'bad: \' + self" fieldPath=".a" reason=FieldValueForbidden optionalOldSelf',
  ],
  ["+kubebuilder:validation:ExactlyOneOf=image;imageRef", "write @exactlyOneOf image,imageRef"],
  ["+kubebuilder:validation:AtMostOneOf=a;b", "write @atMostOneOf a,b"],
  ["+kubebuilder:validation:AtLeastOneOf=a;b", "write @atLeastOneOf a,b"],
  [
    "+kubebuilder:validation:items:MaxLength=63",
    "write @maxLength 63 on the list's item type (`type Item = ...`, then `Item[]`)",
  ],
  ["+kubebuilder:default=3", "write @default 3"],
  ['+kubebuilder:default="Always"', 'write @default "Always"'],
  ["+kubebuilder:default=Always", 'write @default "Always"'],
  ["+kubebuilder:default:={}", "write @default {}"],
  ["+kubebuilder:default={a,b}", 'write @default ["a","b"]'],
  // Go map literals, as Gateway API writes its defaults: a map, a list of maps, maps in lists in maps.
  [
    '+kubebuilder:default={type: "PathPrefix", value: "/"}',
    'write @default {"type":"PathPrefix","value":"/"}',
  ],
  [
    '+kubebuilder:default={{path:{ type: "PathPrefix", value: "/"}}}',
    'write @default [{"path":{"type":"PathPrefix","value":"/"}}]',
  ],
  [
    '+kubebuilder:default={{matches: {{path: {type: "PathPrefix", value: "/"}}}}}',
    'write @default [{"matches":[{"path":{"type":"PathPrefix","value":"/"}}]}]',
  ],
  [
    "+kubebuilder:default={replicas: 3, paused: false, mode: Auto}",
    'write @default {"replicas":3,"paused":false,"mode":"Auto"}',
  ],
  ['+kubebuilder:example={"a": `x`, b: {1, 2}}', 'write @exampleValue {"a":"x","b":[1,2]}'],
  // Not one literal: no tag to suggest, only what to write.
  ["+kubebuilder:default={a: 1, a: 2}", "write @default with the value as JSON"],
  // The API server reads a null default as none: there is nothing to write.
  ["+kubebuilder:default=null", "remove it: Kubernetes reads a null default as none"],
  ["+kubebuilder:example=null", "remove it: Kubernetes reads a null example as none"],
  ["+kubebuilder:default={a: 1", "write @default with the value as JSON"],
  [
    "+kubebuilder:default=1e400",
    "write @default with numbers within ±1.7976931348623157e308 (Kubernetes reads 64-bit floats)",
  ],
  [
    "+kubebuilder:example={a: {1, -2e999}}",
    "write @exampleValue with numbers within ±1.7976931348623157e308 (Kubernetes reads 64-bit floats)",
  ],
  ["+kubebuilder:default={a: 1} x", "write @default with the value as JSON"],
  ['+default={"a": 1}', 'write @default {"a":1}'],
  ["+default=true", "write @default true"],
  ["+kubebuilder:example=5", "write @exampleValue 5"],
  ["+kubebuilder:title=Replicas", "write @title Replicas"],
  [
    '+kubebuilder:externalDocs:url="https://example.com/docs",description="More docs"',
    'write @externalDocs url=https://example.com/docs description="More docs"',
  ],
  ["+listType=map", "write @listType map"],
  ["+listMapKey=name", "write @listMapKey name"],
  ["+mapType=atomic", "write @mapType atomic"],
  ["+structType=granular", "write @structType granular"],
  [
    '+kubebuilder:printcolumn:name="Ready",type=string,JSONPath=".status.ready"',
    "write @printColumn name=Ready type=string jsonPath=.status.ready on the CRD root (the type tagged @crd)",
  ],
  [
    '+kubebuilder:printcolumn:name="Last Seen",type=date,JSONPath=`.status.lastSeen`,description="When last seen",priority=1,format=date-time',
    'write @printColumn name="Last Seen" type=date jsonPath=.status.lastSeen description="When last seen" format=date-time priority=1 on the CRD root (the type tagged @crd)',
  ],
  [
    "+kubebuilder:resource:path=widgets,scope=Cluster,shortName=wd;wdg,categories=all;apps,singular=widget",
    "write @plural widgets @singular widget @scope Cluster @shortName wd @shortName wdg @category all @category apps on the CRD root (the type tagged @crd)",
  ],
  [
    "+kubebuilder:resource:scope=Namespaced",
    "write @scope Namespaced on the CRD root (the type tagged @crd)",
  ],
  ["+kubebuilder:subresource:status", "write @subresource status on the CRD root (the type tagged @crd)"],
  [
    "+kubebuilder:subresource:scale:specpath=.spec.replicas,statuspath=.status.replicas,selectorpath=.status.selector",
    "write @subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas labelSelectorPath=.status.selector on the CRD root (the type tagged @crd)",
  ],
  ["+kubebuilder:storageversion", "write @storageVersion on the CRD root (the type tagged @crd)"],
  ["+kubebuilder:unservedversion", "write @served false on the CRD root (the type tagged @crd)"],
  ["+kubebuilder:deprecatedversion", "write @deprecated on the CRD root (the type tagged @crd)"],
  [
    '+kubebuilder:deprecatedversion:warning="use v2"',
    "write @deprecated use v2 on the CRD root (the type tagged @crd)",
  ],
  [
    "+kubebuilder:selectablefield:JSONPath=`.spec.color`",
    "write @selectableField .spec.color on the CRD root (the type tagged @crd)",
  ],
  [
    '+kubebuilder:metadata:annotations="a.example.com/x=1",labels="tier=api"',
    "write @annotation a.example.com/x=1 @label tier=api on the CRD root (the type tagged @crd)",
  ],
  ["+kubebuilder:object:root=true", "write @crd on the root type, with @group and @version"],
  ["+groupName=batch.example.com", "write @group batch.example.com on the CRD root (the type tagged @crd)"],
  ["+versionName=v1beta1", "write @version v1beta1 on the CRD root (the type tagged @crd)"],
  [
    '+kubebuilder:validation:Enum=Always;Never;"On Failure"',
    'write the type as a union of literals: "Always" | "Never" | "On Failure"',
  ],
  ["+kubebuilder:validation:Enum={1,2,3}", "write the type as a union of literals: 1 | 2 | 3"],
  ["+optional", "make the property optional: write `name?: T`"],
  ["+kubebuilder:validation:Optional", "make the property optional: write `name?: T`"],
  ["+required", "a property is required unless it is optional: drop the `?` after its name"],
  [
    "+kubebuilder:validation:Required",
    "a property is required unless it is optional: drop the `?` after its name",
  ],
];

function equivalentOf(line: string): MarkerEquivalent {
  const reading = readMarker(line);
  if (!reading?.equivalent) throw new Error(`${line}: no equivalent`);
  return reading.equivalent;
}

describe("controller-gen markers that shape a CRD", () => {
  test.each(HINTS)("%s: %s", (line, hint) => {
    expect(equivalentHint(equivalentOf(line))).toBe(hint);
  });

  test.each(HINTS.filter(([line]) => equivalentOf(line).tags !== undefined))(
    "every tag suggested for %s parses with crdgen's parser for that tag",
    (line) => {
      for (const { name, text } of equivalentOf(line).tags ?? []) {
        const def = tagRegistry.get(name);
        expect(def, `@${name}`).toBeDefined();
        expect(def!.parse(text), `@${name} ${text}`).toMatchObject({ ok: true });
      }
    },
  );

  test("the suggested tags read back to the marker's values", () => {
    const parsed = (line: string) =>
      (equivalentOf(line).tags ?? []).map(({ name, text }) => tagRegistry.get(name)!.parse(text));
    expect(parsed('+kubebuilder:validation:XValidation:rule="self != \\"x\\"",message="no x"')).toEqual([
      { ok: true, value: { rule: 'self != "x"', message: "no x" } },
    ]);
    expect(
      parsed('+kubebuilder:printcolumn:name="Last Seen",type=date,JSONPath=".status.a\\\\.b"')[0],
    ).toEqual({ ok: true, value: { name: "Last Seen", type: "date", jsonPath: ".status.a\\.b" } });
    expect(parsed('+kubebuilder:default="a \\"b\\""')).toEqual([{ ok: true, value: 'a "b"' }]);
  });

  test.each([
    "+kubebuilder:skipversion",
    "+kubebuilder:validation:SomethingNew=1",
    // No value to translate: still an error, without a hint to write.
    "+kubebuilder:validation:Minimum",
    "+kubebuilder:validation:XValidation:message=no rule",
  ])("%s is read as shaping a CRD, with no equivalent", (line) => {
    expect(readMarker(line)).toEqual({ name: expect.any(String) });
  });

  test("the longest registered name wins; the rest are arguments", () => {
    expect(readMarker('+kubebuilder:printcolumn:name="A",type=string,JSONPath=.a')?.name).toBe(
      "kubebuilder:printcolumn",
    );
    expect(readMarker("+kubebuilder:subresource:status")?.name).toBe("kubebuilder:subresource:status");
  });
});

describe("controller-gen markers that drive Go code generation mean nothing for a CRD", () => {
  test.each([
    "+genclient",
    "+genclient:nonNamespaced",
    "+k8s:deepcopy-gen=package",
    "+k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object",
    "+k8s:openapi-gen=true",
    "+kubebuilder:rbac:groups=apps,resources=deployments,verbs=get;list",
    "+kubebuilder:webhook:path=/mutate,mutating=true,failurePolicy=fail",
    "+kubebuilder:object:generate=true",
    "+kubebuilder:skip",
    "+kubebuilder:scaffold:imports",
    "+kubebuilder:ac:generate=true",
  ])("%s", (line) => {
    expect(readMarker(line)).toBeUndefined();
  });
});
