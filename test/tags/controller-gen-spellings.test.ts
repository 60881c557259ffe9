/**
 * Tags written as controller-gen's markers spell their values, as porting cert-manager's
 * Certificate and Gateway API's GRPCRoute invites (test/parity/cert-manager-certificate.test.ts,
 * gateway-grpcroute.test.ts): `+kubebuilder:resource:shortName=cert;certs,categories=cert-manager`
 * lists names with ";", `+kubebuilder:selectablefield:JSONPath=\`.spec.issuerRef.name\`` names
 * its path with a key and backticks, `+kubebuilder:validation:Format=date-time` and
 * `+kubebuilder:validation:XValidation:rule=...` keep their key or marker name when pasted as a tag.
 * Each is an error at the tag whose hint is the tag to write, and each hint, written, generates
 * the CRD with the value meant.
 */
import { describe, expect, test } from "vitest";
import { errorsOf, generateFrom } from "../helpers/generate.js";

function source(rootTag: string, fieldTag = ""): string {
  return `/**
 * @crd
 * @group example.com
 * @version v1
 * ${rootTag}
 */
export interface Certificate {
  spec: Spec;
}
export interface Spec {
  issuerRef: { name: string; kind?: string };
  /** ${fieldTag.startsWith("@format") ? "" : fieldTag} */
  headers?: { name: string; value: string }[];
  /** ${fieldTag.startsWith("@format") ? fieldTag : ""} */
  notAfter?: string;
}`;
}

/** The one error of a source, as `message | hint`. */
function theError(text: string): string {
  const errors = errorsOf(text);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return `${errors[0]!.message} | ${errors[0]!.hint ?? ""}`;
}

/** The tags a hint says to write (`write @x a` or `write one tag per name: @x a, @x b`). */
function written(hint: string): string {
  return hint.replace(/^.*?(?=@)/, "").replace(/, @/g, "\n * @");
}

const CASES: [string, string][] = [
  [
    "@shortName cert;certs",
    '@shortName takes one name, got "cert;certs". | write one tag per name: @shortName cert, @shortName certs',
  ],
  [
    "@category cert-manager;security",
    '@category takes one name, got "cert-manager;security". | write one tag per name: @category cert-manager, @category security',
  ],
  [
    "@selectableField JSONPath=`.spec.issuerRef.name`",
    '@selectableField takes the path alone, not controller-gen\'s JSONPath= key, got "JSONPath=`.spec.issuerRef.name`". | write @selectableField .spec.issuerRef.name',
  ],
  [
    "@selectableField jsonPath=.spec.issuerRef.name",
    '@selectableField takes the path alone, not controller-gen\'s jsonPath= key, got "jsonPath=.spec.issuerRef.name". | write @selectableField .spec.issuerRef.name',
  ],
  [
    '@selectableField ".spec.issuerRef.name"',
    "@selectableField is written in quotes, which would be part of the path. | write @selectableField .spec.issuerRef.name",
  ],
  [
    "@selectableField spec.issuerRef.name",
    '@selectableField expects a JSON path starting with ".", got "spec.issuerRef.name". | write @selectableField .spec.issuerRef.name',
  ],
];

describe("controller-gen's resource and selectable-field marker values in root tags", () => {
  test.each(CASES)("%s is an error whose hint is the tag to write", (tag, expected) => {
    expect(theError(source(tag))).toBe(expected);
  });

  test.each(CASES)("the hint for %s generates the CRD", (tag) => {
    const result = generateFrom(source(written(errorsOf(source(tag))[0]!.hint!)));
    expect(result.diagnostics).toEqual([]);
    const crd = result.crds[0]!;
    if (tag.startsWith("@selectableField"))
      expect(crd.spec.versions[0]!.selectableFields).toEqual([{ jsonPath: ".spec.issuerRef.name" }]);
    else if (tag.startsWith("@shortName")) expect(crd.spec.names.shortNames).toEqual(["cert", "certs"]);
    else expect(crd.spec.names.categories).toEqual(["cert-manager", "security"]);
  });

  test("a path with a space is no pasted marker: the hint is the tag's syntax", () => {
    expect(theError(source("@selectableField .spec.issuerRef .name"))).toBe(
      '@selectableField expects a JSON path starting with ".", got ".spec.issuerRef .name". | write @selectableField <.path>',
    );
  });
});

/** The schema of `spec` generated from a field tag's hint, written. */
function specFromHint(fieldTag: string) {
  const hint = errorsOf(source("", fieldTag))[0]!.hint!;
  const result = generateFrom(source("", written(hint)));
  expect(result.diagnostics).toEqual([]);
  return result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
}

describe("controller-gen's marker keys and names pasted into field tags", () => {
  test.each([
    ["@format=date-time", '@format takes its value after a space, not after "=". | write @format date-time'],
    ["@format:date-time", '@format takes its value after a space, not after ":". | write @format date-time'],
    [
      "@listType map @listMapKey=name",
      '@listMapKey takes its value after a space, not after "=". | write @listMapKey name',
    ],
    [
      '@validation:XValidation:rule="self.size() > 0"',
      '@validation reads ":XValidation:rule="self.size() > 0"" with controller-gen\'s marker name XValidation, which is no part of a rule. | write @validation rule="self.size() > 0"',
    ],
    [
      '@validation XValidation:rule="self.size() > 0",message="no headers"',
      '@validation reads "XValidation:rule="self.size() > 0",message="no headers"" with controller-gen\'s marker name XValidation, which is no part of a rule. | write @validation rule="self.size() > 0" message="no headers"',
    ],
  ])("%s is an error whose hint is the tag to write", (tag, expected) => {
    expect(theError(source("", tag))).toBe(expected);
  });

  test("the hint for @format=date-time gives the format", () => {
    expect(specFromHint("@format=date-time").properties!.notAfter).toEqual({
      type: "string",
      format: "date-time",
    });
  });

  test("the hint for @listMapKey=name keys the list by name", () => {
    const written = "@listType map " + "@listMapKey=name";
    const hint = errorsOf(source("", written))[0]!.hint!;
    const result = generateFrom(source("", `@listType map ${hint.replace(/^write /, "")}`));
    expect(result.diagnostics).toEqual([]);
    const headers =
      result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!.headers!;
    expect(headers["x-kubernetes-list-map-keys"]).toEqual(["name"]);
  });

  test.each([
    '@validation:XValidation:rule="self.size() > 0"',
    '@validation XValidation:rule="self.size() > 0",message="no headers"',
  ])("the hint for %s writes the rule", (tag) => {
    const rule = specFromHint(tag).properties!.headers!["x-kubernetes-validations"];
    expect(rule).toEqual([
      tag.includes("message")
        ? { rule: "self.size() > 0", message: "no headers" }
        : { rule: "self.size() > 0" },
    ]);
  });

  test("a word after a separator and a space was refused before: its hint is the same", () => {
    expect(theError(source("", "@format: date-time"))).toBe(
      '@format expects a single word, got ": date-time". | write @format date-time',
    );
  });
});
