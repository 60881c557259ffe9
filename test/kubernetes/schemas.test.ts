/**
 * Every schema `kubernetesSchemaFor` hands out: structural, self-contained, fresh, and with the
 * controller-gen shapes of Kubernetes' special types.
 */
import { describe, expect, test } from "vitest";
import type { KubernetesSchemaData } from "../../src/read/kubernetes/data-format.js";
import { kubernetesSchemaFor } from "../../src/read/kubernetes/index.js";
import { QUANTITY_PATTERN } from "../../src/read/kubernetes/well-known.js";
import data from "../../src/read/kubernetes/schemas.json" with { type: "json" };
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { withoutDescriptions } from "./golden.js";
import { structuralViolations } from "./structural.js";
import { loadCorpus } from "../diff/corpus.js";

const classNames = Object.keys((data as KubernetesSchemaData).definitions);

function schemaFor(name: string): JSONSchemaProps {
  const schema = kubernetesSchemaFor(name);
  if (!schema) throw new Error(`no schema for ${name}`);
  return schema;
}

function at(schema: JSONSchemaProps, ...path: string[]): JSONSchemaProps {
  let node: JSONSchemaProps | undefined = schema;
  for (const step of path) {
    if (step === "[]") node = Array.isArray(node?.items) ? undefined : node?.items;
    else if (step === "{}")
      node = typeof node?.additionalProperties === "object" ? node.additionalProperties : undefined;
    else node = node?.properties?.[step];
  }
  if (!node) throw new Error(`nothing at ${path.join(".")}`);
  return node;
}

describe("kubernetesSchemaFor", () => {
  test("covers the types CRDs embed most", () => {
    const wanted = [
      "V1PodTemplateSpec",
      "V1PodSpec",
      "V1Container",
      "V1ObjectMeta",
      "V1LabelSelector",
      "V1ResourceRequirements",
      "V1Volume",
      "V1EnvVar",
      "V1JobTemplateSpec",
      "V1Toleration",
      "V1Affinity",
      "V1SecurityContext",
      "V1LocalObjectReference",
      "V1Condition",
      "V1ObjectReference",
      "V1SecretKeySelector",
      "V1ConfigMapKeySelector",
    ];
    expect(wanted.filter((name) => kubernetesSchemaFor(name) === undefined)).toEqual([]);
    expect(classNames.length).toBeGreaterThan(500);
  });

  test("every schema is structural and self-contained", () => {
    const violations = classNames.flatMap((name) =>
      structuralViolations(schemaFor(name)).map((violation) => `${name} ${violation}`),
    );
    expect(violations).toEqual([]);
  });

  test("gives a fresh tree each call, with no subtree shared inside it", () => {
    const first = schemaFor("V1PodSpec");
    at(first, "containers", "[]").type = "changed";
    expect(at(schemaFor("V1PodSpec"), "containers", "[]").type).toBe("object");

    const seen = new Set<object>();
    const shared: string[] = [];
    const visit = (value: unknown, path: string) => {
      if (typeof value !== "object" || value === null) return;
      if (seen.has(value)) shared.push(path);
      seen.add(value);
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    };
    visit(schemaFor("V1PodTemplateSpec"), "");
    expect(shared).toEqual([]);
  });

  test("answers undefined for names it does not cover", () => {
    expect(kubernetesSchemaFor("V1beta1DeviceClass")).toBeUndefined(); // beta API versions are left out
    expect(kubernetesSchemaFor("NotAKubernetesType")).toBeUndefined();
    expect(kubernetesSchemaFor("Quantity")).toBeUndefined(); // a shape inside the data, not a client-node class
  });
});

describe("Kubernetes' special types take controller-gen's shapes", () => {
  const intOrString = {
    anyOf: [{ type: "integer" }, { type: "string" }],
    "x-kubernetes-int-or-string": true,
  };

  test("Quantity: int-or-string with the quantity pattern", () => {
    expect(withoutDescriptions(at(schemaFor("V1ResourceRequirements"), "limits", "{}"))).toEqual({
      ...intOrString,
      pattern: QUANTITY_PATTERN,
    });
  });

  test("IntOrString", () => {
    expect(withoutDescriptions(at(schemaFor("V1HTTPGetAction"), "port"))).toEqual(intOrString);
  });

  test("Time and MicroTime: date-time strings", () => {
    const dateTime = { type: "string", format: "date-time" };
    expect(withoutDescriptions(at(schemaFor("V1Condition"), "lastTransitionTime"))).toEqual(dateTime);
    expect(withoutDescriptions(at(schemaFor("V1LeaseSpec"), "acquireTime"))).toEqual(dateTime);
  });

  test("RawExtension and apiextensions JSON keep unknown fields", () => {
    expect(withoutDescriptions(at(schemaFor("V1ControllerRevision"), "data"))).toEqual({
      type: "object",
      "x-kubernetes-preserve-unknown-fields": true,
    });
    expect(withoutDescriptions(at(schemaFor("V1JSONSchemaProps"), "default"))).toEqual({
      "x-kubernetes-preserve-unknown-fields": true,
    });
  });

  test("ObjectMeta is only `type: object`, with the field's own doc where it is a field", () => {
    expect(schemaFor("V1ObjectMeta")).toEqual({
      type: "object",
      description: expect.stringMatching(/^ObjectMeta is metadata/),
    });
    expect(at(schemaFor("V1PodTemplateSpec"), "metadata")).toEqual({
      type: "object",
      description: expect.stringMatching(/^Standard object's metadata/),
    });
  });

  test("JSONSchemaProps contains itself and is cut there, keeping the nested value", () => {
    expect(withoutDescriptions(at(schemaFor("V1JSONSchemaProps"), "properties", "{}"))).toEqual({
      type: "object",
      "x-kubernetes-preserve-unknown-fields": true,
    });
  });

  test("numbers, bytes and list semantics as controller-gen writes Go's types", () => {
    expect(withoutDescriptions(at(schemaFor("V1JSONSchemaProps"), "maximum"))).toEqual({ type: "number" });
    expect(withoutDescriptions(at(schemaFor("V1Secret"), "data"))).toEqual({
      type: "object",
      additionalProperties: { type: "string", format: "byte" },
    });
    expect(withoutDescriptions(at(schemaFor("V1PodSecurityContext"), "supplementalGroups"))).toEqual({
      type: "array",
      items: { type: "integer", format: "int64" },
      "x-kubernetes-list-type": "atomic",
    });
  });

  test("V1Condition, complete", () => {
    expect(withoutDescriptions(schemaFor("V1Condition"))).toEqual({
      type: "object",
      properties: {
        lastTransitionTime: { type: "string", format: "date-time" },
        message: { type: "string", maxLength: 32768 },
        observedGeneration: { type: "integer", format: "int64", minimum: 0 },
        reason: {
          type: "string",
          maxLength: 1024,
          minLength: 1,
          pattern: "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
        },
        status: { type: "string", enum: ["True", "False", "Unknown"] },
        type: {
          type: "string",
          maxLength: 316,
          pattern:
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
        },
      },
      required: ["lastTransitionTime", "message", "reason", "status", "type"],
    });
  });
});

describe("metav1.Condition carries apimachinery's own validations", () => {
  const VALIDATIONS = ["maxLength", "minLength", "pattern", "enum", "minimum", "maximum"] as const;
  const validationsOf = (node: JSONSchemaProps | undefined) =>
    Object.fromEntries(VALIDATIONS.filter((k) => node?.[k] !== undefined).map((k) => [k, node![k]]));

  /** Every node of the corpus's schemas that controller-gen wrote for a metav1.Condition. */
  function corpusConditions(): { file: string; node: JSONSchemaProps }[] {
    const found: { file: string; node: JSONSchemaProps }[] = [];
    const visit = (file: string, node: JSONSchemaProps | undefined): void => {
      if (!node || typeof node !== "object") return;
      if (node.description?.startsWith("Condition contains details for one aspect of the current state"))
        found.push({ file, node });
      for (const child of Object.values(node.properties ?? {})) visit(file, child);
      if (node.items && !Array.isArray(node.items)) visit(file, node.items);
      if (typeof node.additionalProperties === "object") visit(file, node.additionalProperties);
    };
    for (const { file, crd } of loadCorpus())
      for (const v of crd.spec.versions) visit(file, v.schema?.openAPIV3Schema);
    return found;
  }

  test("the same as every CRD of the corpus that embeds one", () => {
    const ours = schemaFor("V1Condition");
    const conditions = corpusConditions();
    expect(conditions.length).toBeGreaterThan(50);
    expect(new Set(conditions.map((c) => c.file.split("/")[0])).size).toBeGreaterThan(3);
    for (const { file, node } of conditions) {
      for (const field of Object.keys(ours.properties!)) {
        expect(validationsOf(node.properties?.[field]), `${file} ${field}`).toEqual(
          validationsOf(ours.properties![field]),
        );
      }
    }
    expect(validationsOf(at(ours, "type"))).toMatchObject({ maxLength: 316 });
    expect(validationsOf(at(ours, "status"))).toEqual({ enum: ["True", "False", "Unknown"] });
  });
});
