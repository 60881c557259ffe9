/**
 * `crdgen check` on CRDs written or converted by hand, with the mistakes people make: each finding
 * keeps Kubernetes' own message and gets a hint that says what to write instead.
 */
import { describe, expect, it } from "vitest";
import { check, crdYaml, tempDir } from "./harness.js";

interface Row {
  line: number;
  path: string;
  message: string;
  hint?: string;
}

async function findings(text: string): Promise<Row[]> {
  return JSON.parse(
    (await check(["--format", "json", "crd.yaml"], tempDir({ "crd.yaml": text }))).stdout,
  ) as Row[];
}

const SIZE = "                size:\n                  type: integer\n                  minimum: 1\n";
const PROPS = "spec.versions[0].schema.openAPIV3Schema.properties[spec]";
const HOISTED = "spec.validation.openAPIV3Schema.properties[spec]";

/** [mistake, edit of the harness CRD, path of the finding, its hint]. */
const CASES: ReadonlyArray<[string, (t: string) => string, string, string]> = [
  [
    "schemas",
    (t) => t.replace("      schema:\n", "      schemas:\n"),
    "spec.versions[0].schemas",
    "did you mean schema?",
  ],
  [
    "openAPIV3schema",
    (t) => t.replace("openAPIV3Schema:", "openAPIV3schema:"),
    "spec.versions[0].schema.openAPIV3schema",
    "did you mean openAPIV3Schema?",
  ],
  [
    "properites",
    (t) => t.replace("              properties:", "              properites:"),
    `${PROPS}.properites`,
    "did you mean properties?",
  ],
  [
    "x-kubernetes-preserve-unknown-field",
    (t) =>
      t.replace(
        "          type: object\n",
        "          type: object\n          x-kubernetes-preserve-unknown-field: true\n",
      ),
    "spec.versions[0].schema.openAPIV3Schema.x-kubernetes-preserve-unknown-field",
    "did you mean x-kubernetes-preserve-unknown-fields?",
  ],
  [
    "additionalPrinterColumn",
    (t) => t.replace("      storage: true\n", "      storage: true\n      additionalPrinterColumn: []\n"),
    "spec.versions[0].additionalPrinterColumn",
    "did you mean additionalPrinterColumns?",
  ],
  [
    "tyep (two letters swapped)",
    (t) => t.replace("                  type: integer", "                  tyep: integer"),
    `${PROPS}.properties[size].tyep`,
    "did you mean type?",
  ],
  [
    "a misspelt ObjectMeta field",
    (t) => t.replace("  name: widgets.example.com\n", "  name: widgets.example.com\n  label: {}\n"),
    "metadata.label",
    "did you mean labels?",
  ],
  [
    "an envelope field in the wrong place",
    (t) =>
      t
        .replace("    plural: widgets\n", "")
        .replace("  scope: Namespaced\n", "  scope: Namespaced\n  plural: widgets\n"),
    "spec.plural",
    "plural belongs in spec.names, not in spec",
  ],
  [
    "openAPIV3Schema without schema",
    (t) => t.replace("      schema:\n        openAPIV3Schema:", "      openAPIV3Schema:"),
    "spec.versions[0].openAPIV3Schema",
    "openAPIV3Schema belongs in spec.versions[*].schema, not in spec.versions[0]",
  ],
  [
    "a rule's expression",
    (t) =>
      t.replace(
        "          type: object\n",
        "          type: object\n          x-kubernetes-validations:\n            - expression: has(self.spec)\n",
      ),
    "spec.versions[0].schema.openAPIV3Schema.x-kubernetes-validations[0].expression",
    "a rule's CEL expression is written rule: here (expression: is ValidatingAdmissionPolicy's)",
  ],
  [
    "a property beside properties",
    (t) =>
      t
        .replace(SIZE, "")
        .replace("              properties:\n", `${SIZE.replace(/^ {2}/gm, "")}              properties:\n`),
    `${PROPS}.size`,
    "size looks like the schema of a property: put it under properties:",
  ],
  [
    "required: true",
    (t) => t.replace(SIZE, `${SIZE}                  required: true\n`),
    `${PROPS}.properties[size].required`,
    "required is a list on the object that holds the property: remove required: true here and add size to the required list beside the parent's properties (required: [size])",
  ],
  [
    "required: name",
    (t) =>
      t.replace("              type: object\n", "              type: object\n              required: size\n"),
    `${PROPS}.required`,
    'write a list: required: ["size"]',
  ],
  [
    'type: [string, "null"]',
    (t) => t.replace("                  type: string", '                  type: [string, "null"]'),
    `${PROPS}.properties[color].type`,
    "type takes one type: write type: string and nullable: true",
  ],
  [
    "type: [integer, string]",
    (t) => t.replace("                  type: string", "                  type: [integer, string]"),
    `${PROPS}.properties[color].type`,
    "type takes one type: for an integer or a string, write x-kubernetes-int-or-string: true without type",
  ],
  [
    "type: int",
    (t) => t.replace("type: integer", "type: int"),
    `${HOISTED}.properties[size].type`,
    "write integer",
  ],
  [
    "type: integer32",
    (t) => t.replace("type: integer", "type: integer32"),
    `${HOISTED}.properties[size].type`,
    "write integer, with format: int32",
  ],
  [
    "type: float",
    (t) => t.replace("type: integer", "type: float"),
    `${HOISTED}.properties[size].type`,
    "write number, with format: float",
  ],
  [
    "type: object?",
    (t) => t.replace("              type: object\n", "              type: object?\n"),
    `${HOISTED}.type`,
    "write object, with nullable: true if null is allowed",
  ],
  [
    "type: String",
    (t) => t.replace("                  type: string", "                  type: String"),
    `${HOISTED}.properties[color].type`,
    "write string",
  ],
  [
    "a property written as its type",
    (t) =>
      t.replace(
        "                color:\n                  type: string\n",
        "                color: string\n",
      ),
    `${PROPS}.properties[color]`,
    "a property's schema is an object: write color: {type: string}",
  ],
  [
    "$ref",
    (t) => t.replace("                  type: string", "                  $ref: '#/definitions/Color'"),
    `${HOISTED}.properties[color].$ref`,
    "Kubernetes schemas cannot refer to others: write the schema out in full here",
  ],
  [
    "const",
    (t) =>
      t.replace(
        "                  type: string",
        "                  type: string\n                  const: red",
      ),
    `${PROPS}.properties[color].const`,
    'Kubernetes has no const: write enum: ["red"]',
  ],
  [
    "examples",
    (t) =>
      t.replace(
        "                  type: string",
        "                  type: string\n                  examples: [red, blue]",
      ),
    `${PROPS}.properties[color].examples`,
    'Kubernetes has one example, not a list of them: write example: "red"',
  ],
  [
    "additionalProperties: false beside properties",
    (t) =>
      t.replace(
        "              type: object\n",
        "              type: object\n              additionalProperties: false\n",
      ),
    `${HOISTED}.additionalProperties`,
    "remove additionalProperties: false: Kubernetes already drops (prunes) fields the properties do not name, unless x-kubernetes-preserve-unknown-fields is true",
  ],
  [
    'nullable: "true"',
    (t) =>
      t.replace(
        "                  type: string",
        '                  type: string\n                  nullable: "true"',
      ),
    `${PROPS}.properties[color].nullable`,
    "write true without quotes: in quotes it is a string",
  ],
  [
    "served: yes (YAML 1.1)",
    (t) => t.replace("      served: true", "      served: yes"),
    "spec.versions[0].served",
    "write true: YAML 1.1 readers (kubectl) read yes as a boolean, others as a string",
  ],
  [
    "a default of another type",
    (t) =>
      t.replace(
        "                  type: string",
        "                  type: string\n                  default: 3",
      ),
    `${HOISTED}.properties[color].default`,
    'the default is an integer and the field is type: string: write default: "3"',
  ],
  [
    "a number default in quotes",
    (t) =>
      t.replace(
        "                  minimum: 1",
        '                  minimum: 1\n                  default: "5"',
      ),
    `${HOISTED}.properties[size].default`,
    "the default is a string and the field is type: integer: write 5 without quotes: in quotes it is a string",
  ],
  [
    "items as a list of one",
    (t) =>
      t.replace(
        SIZE,
        `${SIZE}                tags:\n                  type: array\n                  items:\n                    - type: string\n`,
      ),
    `${HOISTED}.properties[tags].items`,
    "items is one schema for every item, not a list of them: write it without the leading -",
  ],
  [
    "minimum in quotes",
    (t) => t.replace("minimum: 1", 'minimum: "1"'),
    `${PROPS}.properties[size].minimum`,
    "write 1 without quotes: in quotes it is a string",
  ],
  [
    "exclusiveMinimum as a number",
    (t) => t.replace("minimum: 1", "exclusiveMinimum: 0"),
    `${PROPS}.properties[size].exclusiveMinimum`,
    "in OpenAPI v3.0, as Kubernetes has it, exclusiveMinimum is a boolean: write minimum: 0 and exclusiveMinimum: true",
  ],
  [
    "scope: namespaced",
    (t) => t.replace("scope: Namespaced", "scope: namespaced"),
    "spec.scope",
    "write Namespaced",
  ],
  [
    "two storage versions",
    (t) =>
      t.replace(
        "  versions:\n",
        "  versions:\n    - name: v1alpha1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n",
      ),
    "spec.versions",
    "v1alpha1 and v1 both have storage: true: keep it on the one version the API server stores objects as, and write storage: false on the others",
  ],
  [
    "served and storage left out",
    (t) => t.replace("      served: true\n      storage: true\n", ""),
    "spec.versions",
    "no version has storage: true, and it is not defaulted: write storage: true on the version the API server stores objects as (here: v1), and served: true on each version clients use (served is not defaulted either)",
  ],
  [
    "storedVersions, after a storage mistake",
    (t) => t.replace("      storage: true\n", ""),
    "status.storedVersions",
    "this follows from spec.versions: a new CRD's status.storedVersions is its storage version, so it goes away once exactly one version has storage: true",
  ],
  [
    "versions as a map",
    (t) => t.replace("    - name: v1\n", "    name: v1\n").replace(/\n {6}/g, "\n    "),
    "spec.versions",
    "versions is a list: begin each item with - (a dash and a space)",
  ],
  [
    "metadata.name not <plural>.<group>",
    (t) => t.replace("name: widgets.example.com", "name: widget"),
    "metadata.name",
    "write name: widgets.example.com",
  ],
  [
    "a printer column of type int",
    (t) =>
      t.replace(
        "      storage: true\n",
        "      storage: true\n      additionalPrinterColumns:\n        - name: Size\n          type: int\n          jsonPath: .spec.size\n",
      ),
    "spec.additionalPrinterColumns[0].type",
    "write integer",
  ],
  [
    "subresources.status: true",
    (t) =>
      t.replace("      storage: true\n", "      storage: true\n      subresources:\n        status: true\n"),
    "spec.versions[0].subresources.status",
    "write status: {} (an empty object turns the status subresource on)",
  ],
];

describe("hand-written CRDs", () => {
  it.each(CASES)("%s: the hint says what to write", async (_mistake, edit, path, hint) => {
    const found = await findings(crdYaml(edit));
    expect(found.find((f) => f.path === path)?.hint).toBe(hint);
  });

  it("keeps Kubernetes' message and adds the hint below it in every format", async () => {
    const dir = tempDir({ "crd.yaml": crdYaml((t) => t.replace("scope: Namespaced", "scope: namespaced")) });
    const human = (await check(["crd.yaml"], dir)).stdout;
    expect(human).toContain(
      'error CRD2001: spec.scope: Unsupported value: "namespaced": supported values: "Cluster", "Namespaced"\n  hint: write Namespaced\n',
    );
    expect((await check(["--format", "github", "crd.yaml"], dir)).stdout).toContain(
      'supported values: "Cluster", "Namespaced"%0Ahint: write Namespaced',
    );
  });

  it("gives a misspelt field's follow-on Required error the spelling too", async () => {
    const found = await findings(
      crdYaml((t) => t.replace("                  type: integer", "                  tyep: integer")),
    );
    expect(found.map((f) => [f.path, f.hint])).toEqual([
      [`${PROPS}.properties[size].tyep`, "did you mean type?"],
      [`${HOISTED}.properties[size].type`, "type is written tyep here: spell it type"],
    ]);
  });

  it("gives no hint for an unknown field that is near no known one", async () => {
    const found = await findings(
      crdYaml((t) => t.replace("    plural: widgets\n", "    plural: widgets\n    zzz: 1\n")),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: "spec.names.zzz" });
    expect(found[0]?.hint).toBeUndefined();
  });

  it.each([
    [
      "kind: customResourceDefinition",
      (t: string) => t.replace("kind: CustomResourceDefinition", "kind: customResourceDefinition"),
      "kind",
      "write CustomResourceDefinition",
    ],
    [
      "apiVersion: apiextensions.k8s.io",
      (t: string) => t.replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io"),
      "apiVersion",
      "write apiextensions.k8s.io/v1",
    ],
  ])(
    "checks a CRD with %s (once skipped without a word) and says what to write",
    async (_m, edit, path, hint) => {
      const run = await check(["--format", "json", "crd.yaml"], tempDir({ "crd.yaml": crdYaml(edit) }));
      expect(run.code).toBe(1);
      expect((JSON.parse(run.stdout) as Row[]).map((f) => [f.path, f.hint])).toEqual([[path, hint]]);
    },
  );
});
