/**
 * The lint rules of `crdgen check` (CRD2010), each with a table of valid and invalid schemas, as
 * typescript-eslint tests its rules. A case is a YAML fragment under `spec.properties.field`
 * (or a whole version, for printer columns), run through lintCrd alone.
 */
import { describe, expect, it } from "vitest";
import { parseFile } from "../../src/check/load.js";
import { lintCrd } from "../../src/check/lint/index.js";
import type { LintRule } from "../../src/check/lint/rule.js";
import { enumType } from "../../src/check/lint/enum-type.js";
import { exampleInvalid } from "../../src/check/lint/example-invalid.js";
import { CHECKED_STRING_FORMATS, formatUnchecked } from "../../src/check/lint/format-unchecked.js";
import { intOrStringType } from "../../src/check/lint/int-or-string-type.js";
import { keywordType } from "../../src/check/lint/keyword-type.js";
import { nullDefault } from "../../src/check/lint/null-default.js";
import { patternMatchesAll } from "../../src/check/lint/pattern-matches-all.js";
import { printerColumnPath } from "../../src/check/lint/printer-column-path.js";
import { requiredUndeclared } from "../../src/check/lint/required-undeclared.js";
import { isSupportedFormat } from "../../src/validate/value/formats.js";

function indent(text: string, by: number): string {
  return text
    .trim()
    .split("\n")
    .map((l) => " ".repeat(by) + l)
    .join("\n");
}

/** A CRD whose spec has one property, `field`, of schema `field`; `root` replaces the whole root schema. */
function crd(field: string, extra = "", root?: string): string {
  const schema =
    root ??
    `type: object
properties:
  spec:
    type: object
    properties:
      field:
${indent(field, 8)}`;
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
${extra ? indent(extra, 6) + "\n" : ""}      schema:
        openAPIV3Schema:
${indent(schema, 10)}
`;
}

interface Invalid {
  yaml: string;
  /** Field path, message and hint fragments expected of the one finding. */
  path: string;
  message: RegExp;
  hint: RegExp;
}

function lint(rule: LintRule, text: string) {
  const loaded = parseFile("/crd.yaml", text);
  return lintCrd(loaded.objects[0]!, [rule]);
}

function ruleTester(rule: LintRule, cases: { valid: string[]; invalid: Invalid[] }, wrap = crd) {
  describe(rule.name, () => {
    it.each(cases.valid)("accepts %s", (yaml) => {
      expect(lint(rule, wrap(yaml))).toEqual([]);
    });
    it.each(cases.invalid)("flags $yaml", ({ yaml, path, message, hint }) => {
      const findings = lint(rule, wrap(yaml));
      expect(findings).toHaveLength(1);
      const [f] = findings;
      expect(f).toMatchObject({ severity: "warning", code: "CRD2010", type: rule.name, path });
      expect(f!.message).toMatch(message);
      expect(f!.hint).toMatch(hint);
    });
  });
}

const FIELD = "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[field]";

ruleTester(formatUnchecked, {
  valid: [
    "{type: string, format: email}",
    "{type: string, format: date-time}",
    "{type: string, format: datetime}",
    "{type: integer, format: int32}",
    "{type: number, format: double}",
    "{x-kubernetes-int-or-string: true, format: uuid}",
    "{type: string}",
  ],
  invalid: [
    {
      yaml: "{type: string, format: integer}",
      path: `${FIELD}.format`,
      message: /does not check format "integer" on a string/,
      hint: /type: integer/,
    },
    {
      yaml: "{type: string, format: hostnme}",
      path: `${FIELD}.format`,
      message: /hostnme/,
      hint: /did you mean hostname\?/,
    },
    {
      yaml: "{type: string, format: semver}",
      path: `${FIELD}.format`,
      message: /semver/,
      hint: /bsonobjectid, byte/,
    },
    {
      yaml: "{type: integer, format: int}",
      path: `${FIELD}.format`,
      message: /not an OpenAPI number format/,
      hint: /int32, int64/,
    },
    {
      yaml: "{type: integer, format: uint64}",
      path: `${FIELD}.format`,
      message: /uint64/,
      hint: /minimum: 0/,
    },
    {
      yaml: "{type: boolean, format: date}",
      path: `${FIELD}.format`,
      message: /on strings only/,
      hint: /remove/,
    },
  ],
});

describe("format-unchecked's list of formats", () => {
  it("is the formats Kubernetes checks", () => {
    expect(CHECKED_STRING_FORMATS.filter((f) => !isSupportedFormat(f))).toEqual([]);
    expect(isSupportedFormat("int32")).toBe(false);
  });
});

ruleTester(enumType, {
  valid: [
    "{type: string, enum: [a, b]}",
    "{type: number, enum: [1, 1.5]}",
    "{type: integer, enum: [1, 2]}",
    "{type: string, nullable: true, enum: [a, null]}",
    "{x-kubernetes-int-or-string: true, enum: [1, a]}",
    "{x-kubernetes-preserve-unknown-fields: true, enum: [1, a]}",
  ],
  invalid: [
    {
      yaml: `{type: integer, enum: ["1"]}`,
      path: `${FIELD}.enum[0]`,
      message: /"1" is a string/,
      hint: /without quotes: 1/,
    },
    {
      yaml: "{type: string, enum: [a, 5]}",
      path: `${FIELD}.enum[1]`,
      message: /5 is an integer/,
      hint: /quote it: "5"/,
    },
    {
      yaml: "{type: integer, enum: [1, 1.5]}",
      path: `${FIELD}.enum[1]`,
      message: /1.5 is a number/,
      hint: /write an integer/,
    },
    {
      yaml: "{type: string, enum: [a, null]}",
      path: `${FIELD}.enum[1]`,
      message: /null is a null/,
      hint: /nullable: true/,
    },
    {
      yaml: '{type: boolean, enum: ["true"]}',
      path: `${FIELD}.enum[0]`,
      message: /is a string/,
      hint: /without quotes: true/,
    },
  ],
});

ruleTester(exampleInvalid, {
  valid: [
    "{type: string, example: abc}",
    "{type: string, format: email, example: a@example.com}",
    "{type: integer, minimum: 1, example: 3}",
    "{type: object, required: [a], properties: {a: {type: string}}, example: {a: x}}",
  ],
  invalid: [
    {
      yaml: "{type: integer, example: abc}",
      path: `${FIELD}.example`,
      message: /must be of type integer/,
      hint: /not examples/,
    },
    {
      yaml: "{type: integer, maximum: 5, example: 7}",
      path: `${FIELD}.example`,
      message: /less than or equal to 5/,
      hint: /not examples/,
    },
    {
      yaml: "{type: object, required: [a], properties: {a: {type: string}}, example: {b: x}}",
      path: `${FIELD}.example`,
      message: /example\.a: Required value/,
      hint: /not examples/,
    },
  ],
});

ruleTester(keywordType, {
  valid: [
    "{type: string, maxLength: 3, pattern: '^a'}",
    "{type: integer, minimum: 0, maximum: 3}",
    "{type: array, maxItems: 3, items: {type: string}}",
    "{type: object, maxProperties: 3, additionalProperties: {type: string}}",
    "{x-kubernetes-int-or-string: true, maxLength: 3, maximum: 5}",
  ],
  invalid: [
    {
      yaml: "{type: integer, maxLength: 3}",
      path: `${FIELD}.maxLength`,
      message: /maxLength checks nothing on type integer/,
      hint: /did you mean maximum\?/,
    },
    {
      yaml: "{type: string, minimum: 1}",
      path: `${FIELD}.minimum`,
      message: /applies it to numbers only/,
      hint: /did you mean minLength\?/,
    },
    {
      yaml: "{type: object, maxItems: 3}",
      path: `${FIELD}.maxItems`,
      message: /lists only/,
      hint: /did you mean maxProperties\?/,
    },
    {
      yaml: "{type: array, items: {type: string}, maxLength: 9}",
      path: `${FIELD}.maxLength`,
      message: /on type array/,
      hint: /move it under items/,
    },
    {
      yaml: "{type: boolean, pattern: '^t'}",
      path: `${FIELD}.pattern`,
      message: /on type boolean/,
      hint: /remove it/,
    },
  ],
});

ruleTester(intOrStringType, {
  valid: [
    "{x-kubernetes-int-or-string: true}",
    "{x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}",
    "{type: string}",
  ],
  invalid: [
    {
      yaml: "{type: string, x-kubernetes-int-or-string: true}",
      path: `${FIELD}.type`,
      message: /type: string is ignored/,
      hint: /remove type/,
    },
  ],
});

ruleTester(patternMatchesAll, {
  valid: [
    "{type: string, pattern: '^[a-z]*$'}",
    "{type: string, pattern: '[a-z]+'}",
    "{type: string, pattern: '\\bx*'}",
    "{type: string, pattern: '(^$|^[a-f0-9]{64}$)'}",
  ],
  invalid: [
    {
      yaml: "{type: string, pattern: '[a-z0-9-]*'}",
      path: `${FIELD}.pattern`,
      message: /matches every string/,
      hint: /\^\[a-z0-9-\]\*\$/,
    },
    {
      yaml: "{type: string, pattern: '.*'}",
      path: `${FIELD}.pattern`,
      message: /matches every string/,
      hint: /\^\.\*\$/,
    },
    {
      yaml: "{type: string, pattern: 'v[0-9]+|'}",
      path: `${FIELD}.pattern`,
      message: /every string/,
      hint: /\^\(v\[0-9\]\+\|\)\$/,
    },
  ],
});

ruleTester(nullDefault, {
  valid: [
    "{type: string, default: x}",
    "{type: string, nullable: true}",
    "{type: object, default: {a: null}, properties: {a: {type: string, nullable: true}}}",
    "{type: string, example: ''}",
    "{type: integer, default: 0}",
  ],
  invalid: [
    {
      yaml: "{type: string, default: null}",
      path: `${FIELD}.default`,
      message: /^default: null is no default: the API server reads it as none/,
      hint: /^remove default: null/,
    },
    {
      yaml: "{type: string, nullable: true, default: ~}",
      path: `${FIELD}.default`,
      message: /out of sync/,
      hint: /unset field stays unset/,
    },
    {
      yaml: "{type: string, example: null}",
      path: `${FIELD}.example`,
      message: /^example: null is no example/,
      hint: /^remove example: null$/,
    },
  ],
});

ruleTester(requiredUndeclared, {
  valid: [
    "{type: object, required: [a], properties: {a: {type: string}}}",
    "{type: object, required: [a], x-kubernetes-preserve-unknown-fields: true}",
    "{type: object, required: [a], additionalProperties: {type: string}}",
    "{type: object, properties: {a: {type: string}}, not: {required: [b]}}",
    "{type: object, properties: {name: {type: string}, names: {type: array}}, not: {required: [name, names]}}",
    "{type: object, x-kubernetes-embedded-resource: true, required: [kind], properties: {spec: {type: object}}}",
  ],
  invalid: [
    {
      yaml: "{type: object, required: [nmae], properties: {name: {type: string}}}",
      path: `${FIELD}.required[0]`,
      message: /required field nmae is not in properties/,
      hint: /did you mean name\?/,
    },
    {
      yaml: "{type: object, required: [a]}",
      path: `${FIELD}.required[0]`,
      message: /no object here can be valid/,
      hint: /declare a in properties/,
    },
    {
      yaml: "{type: object, properties: {a: {type: string}}, anyOf: [{required: [a]}, {required: [zzz]}]}",
      path: `${FIELD}.anyOf[1].required[0]`,
      message: /zzz/,
      hint: /declare zzz/,
    },
    {
      yaml: "{type: object, properties: {name: {type: string}, labels: {type: object}}, not: {required: [name, lables]}}",
      path: `${FIELD}.not.required[1]`,
      message: /required field lables under not is not in properties, so this not always holds/,
      hint: /did you mean labels\?/,
    },
  ],
});

describe("required-undeclared at a resource's root", () => {
  it("leaves apiVersion, kind and metadata alone, which are always kept, and metadata's schema", () => {
    const root = `type: object
required: [apiVersion, kind, metadata, spec]
properties:
  metadata: {type: object, required: [labels]}
  spec: {type: object}`;
    expect(lint(requiredUndeclared, crd("", "", root))).toEqual([]);
  });
});

const withColumns = (columns: string) =>
  crd(
    "{type: string}",
    `additionalPrinterColumns:
${indent(columns, 2)}`,
    `type: object
properties:
  spec:
    type: object
    properties:
      node: {type: string}
      ports: {type: array, items: {type: object, properties: {port: {type: integer}}}}
  status:
    type: object
    properties:
      phase: {type: string}
      conditions: {type: array, items: {type: object, properties: {type: {type: string}, status: {type: string}}}}
      extra: {type: object, x-kubernetes-preserve-unknown-fields: true}`,
  );

ruleTester(
  printerColumnPath,
  {
    valid: [
      "- {name: Age, type: date, jsonPath: .metadata.creationTimestamp}",
      "- {name: Phase, type: string, jsonPath: .status.phase}",
      `- {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}`,
      "- {name: Port, type: integer, jsonPath: '.spec.ports[0].port'}",
      "- {name: X, type: string, jsonPath: .status.extra.anything}",
      "- {name: Odd, type: string, jsonPath: '.status.phase{}'}",
    ],
    invalid: [
      {
        yaml: "- {name: Node, type: string, jsonPath: .status.node}",
        path: "spec.versions[0].additionalPrinterColumns[0].jsonPath",
        message: /"Node" shows \.status\.node.*<none>/,
        hint: /did you mean \.spec\.node\?/,
      },
      {
        yaml: "- {name: P, type: string, jsonPath: .status.phsae}",
        path: "spec.versions[0].additionalPrinterColumns[0].jsonPath",
        message: /no field at \.status\.phsae/,
        hint: /did you mean \.status\.phase\?/,
      },
      {
        yaml: "- {name: A, type: date, jsonPath: .metadata.creationTimestmp}",
        path: "spec.versions[0].additionalPrinterColumns[0].jsonPath",
        message: /creationTimestmp/,
        hint: /did you mean \.metadata\.creationTimestamp\?/,
      },
      {
        yaml: "- {name: P, type: integer, jsonPath: .spec.ports.port}",
        path: "spec.versions[0].additionalPrinterColumns[0].jsonPath",
        message: /no field at \.spec\.ports\.port/,
        hint: /\.spec\.ports is a list: write \.spec\.ports\[\*\]\.port/,
      },
    ],
  },
  (columns) => withColumns(columns),
);
