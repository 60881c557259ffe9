/**
 * README's tags against `crdgen --help-tags` (bin/crdgen.js: run `npm run build` first): every tag
 * crdgen lists is documented in README, and every `@word` README writes is one of them or one of the
 * other tags README names, listed below by what README says of them, which the tests check:
 * documentation tags of JSDoc, TSDoc and TypeDoc generate with no diagnostic, and other tools'
 * spellings are errors whose hint says what to write.
 */
import { describe, expect, it } from "vitest";
import { generateFrom, withRoot } from "../helpers/generate.js";
import { README, crdgen, lineOf } from "./readme.js";

/** README: "Standard TSDoc, TypeDoc and JSDoc tags (...) are documentation, never an error", and JSDoc's `@type {T}`. */
const DOCUMENTATION = [
  "remarks",
  "example",
  "see",
  "param",
  "typeParam",
  "inheritDoc",
  "ignore",
  "hidden",
  "throws",
  "sealed",
  "virtual",
  "event",
  "privateRemarks",
  "interface",
  "property",
  "enumMember",
  "type",
];

/** TSDoc's inline links, which README says read as their text. */
const INLINE = ["link", "linkcode", "linkplain"];

/**
 * Other tools' spellings README names as errors whose hint is what to write, each written as
 * README writes it: JSDoc's `@enum`, kube-rs' `namespaced`, a conversion webhook (no tag), a CRD's
 * own schema keywords, typescript-json-schema's `@TJS-type`, a controller-gen marker written with `@`, and
 * controller-gen's marker names that crdgen spells otherwise (`@unservedversion`, `@Type`).
 */
const HINTED: Record<string, string> = {
  enum: "@enum",
  optional: "@optional",
  required: "@required",
  conversion: "@conversion",
  webhook: "@webhook",
  namespaced: "@namespaced",
  oneOf: "@oneOf",
  additionalProperties: "@additionalProperties false",
  "TJS-type": "@TJS-type integer",
  "x-kubernetes-list-type": "@x-kubernetes-list-type set",
  "x-kubernetes-preserve-unknown-fields": "@x-kubernetes-preserve-unknown-fields",
  kubebuilder: "@kubebuilder:validation:MaxItems=16",
  unservedversion: "@unservedversion",
  deprecatedversion: "@deprecatedversion",
  resource: "@resource:scope=Cluster",
  Type: "@Type string",
  Example: '@Example ["a"]',
};

/** README: "`// @ts-expect-error` or `// +1` say nothing": TypeScript's directive, named as no tag. */
const NOT_TAGS = ["ts-expect-error"];

function listedTags(): string[] {
  const r = crdgen(["--help-tags"]);
  expect(r.status).toBe(0);
  return [...r.stdout.matchAll(/^ {2}@(\w+)/gm)].map((m) => m[1]!);
}

/** Every `@name` README writes, but npm scopes (`@kubernetes/client-node`) and JSONPath's `@.type`. */
function readmeTags(): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of README.matchAll(/(?<![\w@.-])@([A-Za-z][\w-]*)(?![\w/-])/g)) {
    if (!found.has(m[1]!)) found.set(m[1]!, lineOf(m.index));
  }
  return found;
}

describe("README's tags against crdgen --help-tags", () => {
  const listed = listedTags();
  const inReadme = readmeTags();

  it("lists the tags", () => {
    expect(listed).toEqual(expect.arrayContaining(["crd", "group", "validation", "atLeastOneOf"]));
  });

  it("README documents every tag crdgen lists", () => {
    expect(listed.filter((tag) => !inReadme.has(tag))).toEqual([]);
  });

  it("every @tag README writes is crdgen's, or one of the others it names", () => {
    const known = new Set([...listed, ...DOCUMENTATION, ...INLINE, ...Object.keys(HINTED), ...NOT_TAGS]);
    const unknown = [...inReadme]
      .filter(([tag]) => !known.has(tag))
      .map(([tag, line]) => `@${tag} (line ${line})`);
    expect(unknown).toEqual([]);
  });

  it("every tag in the lists above is in README (a list may not keep what README dropped)", () => {
    const named = [...DOCUMENTATION, ...INLINE, ...Object.keys(HINTED), ...NOT_TAGS];
    expect(named.filter((tag) => !inReadme.has(tag))).toEqual([]);
  });
});

describe("what README says of the tags that are not crdgen's", () => {
  it("documentation tags are never an error", () => {
    const lines = DOCUMENTATION.map((tag) => ` * @${tag} ${tag === "type" ? "{string}" : "some text"}`);
    const source = withRoot(
      `{\n  /**\n   * A name.\n${lines.map((l) => `  ${l}`).join("\n")}\n   */\n  name?: string;\n}`,
    );
    expect(generateFrom(source).diagnostics).toEqual([]);
  });

  it("inline links read as their text", () => {
    const doc =
      "See {@link Spec}, {@linkcode Spec | the spec}, {@linkplain Spec the spec} and {@link https://example.com | docs}.";
    const result = generateFrom(withRoot(`{\n  /** ${doc} */\n  name?: string;\n}`));
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
    expect(spec.properties!.name!.description).toBe(
      "See Spec, the spec, the spec and docs (https://example.com).",
    );
  });

  it.each(Object.entries(HINTED))("@%s is an unknown tag whose hint says what to write", (_tag, written) => {
    const errors = generateFrom(withRoot(`{\n  /** ${written} */\n  names?: string[];\n}`)).diagnostics;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: "error", code: "CRD1003", hint: expect.any(String) });
  });

  it("@type integer, a bare schema type, is an error (JSDoc's @type {T} stays documentation)", () => {
    const errors = generateFrom(withRoot(`{\n  /** @type integer */\n  size?: number;\n}`)).diagnostics;
    expect(errors).toMatchObject([{ severity: "error", hint: expect.stringContaining("int32") }]);
  });
});
