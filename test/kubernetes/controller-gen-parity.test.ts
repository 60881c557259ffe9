/**
 * Our schema for the Kubernetes types against what controller-gen 0.36 writes for the same
 * Go types (k8s.io/api v0.36.1; our data is Kubernetes release-1.36): the golden CronJob's
 * `spec.jobTemplate`, ~9,800 lines with the full PodTemplateSpec.
 *
 * What is compared and where each part of ours comes from:
 * - types, formats, property sets, `required`, int-or-string and quantity shapes, ObjectMeta
 *   as `{type: object}`, RawExtension/Time: from the npm packages (@kubernetes/client-node,
 *   kubernetes-models), independent of this golden file;
 * - `x-kubernetes-list-type`, `-list-map-keys`, `-map-type` and `default`: the generator reads
 *   them back from CRDs that embed Kubernetes types, with this golden file authoritative, so
 *   their agreement here is by construction (no npm package ships them; see the script's README).
 * Result: structurally identical, no remaining difference. Descriptions may differ by the
 * anchors' README; ours are Kubernetes' OpenAPI text, which joins the Go comment's lines with
 * spaces, so they equal controller-gen's up to line breaks; the two exceptions are explained below.
 */
import { describe, expect, test } from "vitest";
import { kubernetesSchemaFor } from "../../src/read/kubernetes/index.js";
import type { JSONSchemaProps } from "../../src/schema/types.js";
import { descriptionsByPath, goldenJobTemplate, withoutDescriptions } from "./golden.js";

const golden = goldenJobTemplate();
const ours = kubernetesSchemaFor("V1JobTemplateSpec");

function schemaFor(name: string): JSONSchemaProps {
  const schema = kubernetesSchemaFor(name);
  if (!schema) throw new Error(`no schema for ${name}`);
  return schema;
}

describe("controller-gen's jobTemplate (batch JobTemplateSpec, k8s.io/api v0.36.1)", () => {
  test("V1JobTemplateSpec is structurally identical to it", () => {
    expect(withoutDescriptions(schemaFor("V1JobTemplateSpec"))).toEqual(withoutDescriptions(golden));
  });

  test("V1PodTemplateSpec is structurally identical to its spec.template", () => {
    const template = golden.properties?.spec?.properties?.template;
    expect(template).toBeDefined();
    expect(withoutDescriptions(schemaFor("V1PodTemplateSpec"))).toEqual(withoutDescriptions(template!));
  });

  test("the comparison covers the shapes the task is about", () => {
    const text = JSON.stringify(ours);
    const count = (needle: string) => text.split(needle).length - 1;
    expect(count('"x-kubernetes-list-type":"map"')).toBe(25);
    expect(count('"x-kubernetes-map-type":"atomic"')).toBe(54);
    expect(count('"x-kubernetes-int-or-string":true')).toBe(47);
    expect(count('"pattern":"^(\\\\+|-)?')).toBe(17); // quantities
    expect(ours?.properties?.metadata).toEqual({ type: "object", description: expect.any(String) });
  });

  test("descriptions are controller-gen's text up to line breaks, but for the root and Capability items", () => {
    const theirs = descriptionsByPath(golden);
    const mine = descriptionsByPath(schemaFor("V1JobTemplateSpec"));
    // controller-gen gives list items of the named string type `Capability` that type's doc;
    // Kubernetes' OpenAPI inlines such aliases as plain strings, so their doc is not in our data.
    const onlyTheirs = [...theirs.keys()].filter((path) => !mine.has(path));
    expect(onlyTheirs.sort()).toEqual(
      ["containers", "ephemeralContainers", "initContainers"].flatMap((list) =>
        ["add", "drop"].map(
          (field) => `.spec.template.spec.${list}[].securityContext.capabilities.${field}[]`,
        ),
      ),
    );
    expect(new Set(onlyTheirs.map((path) => theirs.get(path)))).toEqual(
      new Set(["Capability represent POSIX capabilities type"]),
    );
    expect([...mine.keys()].filter((path) => !theirs.has(path))).toEqual([]);
    const words = (text: string) => text.replace(/\s+/g, " ").trim();
    const differing = [...mine].filter(([path, text]) => words(text) !== words(theirs.get(path) ?? ""));
    // The root's description is the CronJob field's doc ("Specifies the job that will be
    // created when executing a CronJob."); on its own, the type has only its type doc.
    expect(differing).toEqual([
      ["", "JobTemplateSpec describes the data a Job should have when created from a template"],
    ]);
    const identical = [...mine].filter(([path, text]) => text === theirs.get(path)).length;
    expect(identical).toBeGreaterThan(400); // single-line comments; the ~780 others differ in line breaks only
  });
});
