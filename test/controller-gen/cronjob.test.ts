/**
 * controller-gen parity on its own CronJob test types: examples/controller-gen-cronjob/
 * reproduces them in TypeScript, and the generated CRD must equal controller-gen's expected
 * testdata.kubebuilder.io_cronjobs.yaml after only the normalisations its README allows
 * (see crd-compare.ts). Whatever still differs is listed below with its reason and asserted
 * exactly: a new difference fails with its path, and a fixed one fails until it is removed
 * from the list.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { codes } from "../../src/diagnostics/codes.js";
import { generate, type GenerateResult } from "../../src/generate.js";
import { clientSideApplyProblem } from "../../src/validate/client-side-apply.js";
import {
  canonical,
  diffLeaves,
  flattenCrd,
  flattenSchema,
  foldBoundsAllOf,
  isObject,
  type LeafDifference,
} from "./crd-compare.js";

const EXPECTED_FILE = fileURLToPath(
  new URL("../../../shared/anchors/controller-gen/testdata.kubebuilder.io_cronjobs.yaml", import.meta.url),
);
const REPO = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLE = path.join(REPO, "examples", "controller-gen-cronjob");

interface KnownDifference extends LeafDifference {
  reason: string;
}

/** Differences outside `jobTemplate` that crdgen cannot, or deliberately does not, avoid. */
const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    path: "spec.versions(order)",
    expected: '["v1","v1beta1","v1beta2"]',
    actual: '["v1","v1beta2","v1beta1"]',
    reason:
      "crdgen lists versions by Kubernetes' version priority (GA, then beta2 before beta1: src/emit/versions.ts), " +
      "controller-gen by name; the API server orders versions by priority itself, and no tag chooses the order",
  },
  {
    path: "v1:spec.intOrStringWithAPattern#nullable",
    actual: "true",
    reason:
      "crdgen makes every optional int-or-string property nullable on purpose (transforms/nullable-int-or-string.ts: " +
      "server-side apply sends null for unset optional values, kube-rs #1885); no tag turns that off",
  },
  {
    path: "v1:spec.intOrStringWithEnum#nullable",
    actual: "true",
    reason: "as intOrStringWithAPattern: an optional int-or-string property is made nullable",
  },
  {
    path: "v1beta2:spec#type",
    actual: '"object"',
    reason:
      "the Go v1beta2 root has only TypeMeta and ObjectMeta, but crdgen requires a root to declare `spec` " +
      "(src/read/roots.ts), so examples/controller-gen-cronjob/v1beta2.ts declares an empty one",
  },
];

/**
 * Differences inside `jobTemplate` (the batch/v1beta1 JobTemplateSpec), whose schema crdgen
 * takes from its Kubernetes data (src/read/kubernetes/, release-1.36) and controller-gen from
 * the Go packages of k8s.io/api v0.36.1. Both are Kubernetes 1.36, so the set of fields, the
 * list/map semantics, defaults and int-or-string/quantity shapes agree. The two sources differ
 * only in descriptions, which the comparison removes: the OpenAPI text crdgen ships joins the
 * Go doc comment's lines with spaces (equal to controller-gen's text once whitespace is
 * collapsed), and it has no description for the items of `capabilities.add`/`drop` (Go's
 * `Capability` type doc). crdgen's own conventions (nullable-int-or-string) do not reach into
 * Kubernetes' schemas, so nothing else differs.
 */
const JOB_TEMPLATE_DIFFERENCES: KnownDifference[] = [];

function withoutReason({ reason: _reason, ...difference }: KnownDifference): LeafDifference {
  return difference;
}

/** The v1 schema's `jobTemplate`, cut out of the CRD so the two parts compare apart. */
function takeJobTemplate(crd: unknown): unknown {
  if (!isObject(crd) || !isObject(crd.spec) || !Array.isArray(crd.spec.versions))
    throw new Error("not a CRD");
  const v1 = crd.spec.versions.find((v) => isObject(v) && v.name === "v1");
  const root = isObject(v1) && isObject(v1.schema) ? v1.schema.openAPIV3Schema : undefined;
  const spec = isObject(root) && isObject(root.properties) ? root.properties.spec : undefined;
  const properties = isObject(spec) ? spec.properties : undefined;
  if (!isObject(properties) || properties.jobTemplate === undefined)
    throw new Error("no v1 spec.jobTemplate");
  const jobTemplate = properties.jobTemplate;
  delete properties.jobTemplate;
  return jobTemplate;
}

describe("controller-gen's CronJob test types", () => {
  let result: GenerateResult;
  let expected: unknown;
  let actual: unknown;
  let expectedJobTemplate: unknown;
  let actualJobTemplate: unknown;

  beforeAll(() => {
    const config = JSON.parse(readFileSync(path.join(EXAMPLE, "crdgen.json"), "utf8")) as {
      entries: string[];
    };
    result = generate({ entries: config.entries.map((e) => path.join(EXAMPLE, e)), cwd: REPO });
    expected = parse(readFileSync(EXPECTED_FILE, "utf8"));
    actual = result.files.length === 1 ? parse(result.files[0]!.content) : undefined;
    expectedJobTemplate = takeJobTemplate(expected);
    if (actual !== undefined) actualJobTemplate = takeJobTemplate(actual);
  });

  test("generate one CRD, with only the warning controller-gen's CRD earns too: too large for client-side apply", () => {
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ["warning", codes.tooLargeForClientSideApply],
    ]);
    const golden = parse(readFileSync(EXPECTED_FILE, "utf8")) as Record<string, unknown>;
    expect(clientSideApplyProblem(golden)).toBeDefined();
    expect(result.files.map((f) => path.basename(f.path))).toEqual(["testdata.kubebuilder.io_cronjobs.yaml"]);
  });

  test("everything but jobTemplate equals controller-gen's CRD, apart from the known differences", () => {
    const comparison = diffLeaves(flattenCrd(expected), flattenCrd(actual));
    expect(comparison.differences).toEqual(KNOWN_DIFFERENCES.map(withoutReason));
    expect(comparison.paths).toBeGreaterThan(400);
  });

  test("jobTemplate equals controller-gen's, apart from the known differences", () => {
    const e = new Map<string, string>();
    const a = new Map<string, string>();
    flattenSchema(expectedJobTemplate, "jobTemplate:", e);
    flattenSchema(actualJobTemplate, "jobTemplate:", a);
    const comparison = diffLeaves(e, a);
    expect(comparison.differences).toEqual(JOB_TEMPLATE_DIFFERENCES.map(withoutReason));
    expect(comparison.paths).toBeGreaterThan(1900);
  });
});

describe("the normalisation", () => {
  test("allOf of bounds folds to the tightest bound of each kind", () => {
    expect(
      foldBoundsAllOf({ type: "string", maxLength: 10, allOf: [{ minLength: 4 }, { minLength: 10 }] }),
    ).toEqual({ type: "string", maxLength: 10, minLength: 10 });
    expect(
      foldBoundsAllOf({
        allOf: [
          { maxLength: 255, minLength: 1 },
          { maxLength: 10, minLength: 10 },
        ],
      }),
    ).toEqual({
      maxLength: 10,
      minLength: 10,
    });
  });

  test("any other allOf stays, so it shows as a difference", () => {
    const schema = { allOf: [{ minLength: 1 }, { pattern: "^a" }] };
    expect(foldBoundsAllOf(schema)).toBe(schema);
  });

  test("descriptions go, but a `description` inside default data or a property named so stays", () => {
    const leaves = new Map<string, string>();
    flattenSchema(
      {
        description: "dropped",
        type: "object",
        default: { description: "kept" },
        properties: { description: { type: "string", description: "dropped" } },
      },
      "v:",
      leaves,
    );
    expect(Object.fromEntries(leaves)).toEqual({
      "v:#type": '"object"',
      "v:#default": '{"description":"kept"}',
      "v:description#type": '"string"',
    });
  });

  test("key order does not matter, array order does", () => {
    expect(canonical({ b: 1, a: [2, 1] })).toBe(canonical({ a: [2, 1], b: 1 }));
    expect(canonical([1, 2])).not.toBe(canonical([2, 1]));
  });

  test("only the tool's version annotation is removed; the version order is a leaf of its own", () => {
    const leaves = flattenCrd({
      metadata: { annotations: { "controller-gen.kubebuilder.io/version": "(devel)", keep: "x" } },
      spec: {
        versions: [
          { name: "v2", served: true },
          { name: "v1", served: false },
        ],
      },
    });
    expect(Object.fromEntries(leaves)).toEqual({
      "metadata.annotations.keep": '"x"',
      "spec.versions(order)": '["v2","v1"]',
      "spec.versions[v2].name": '"v2"',
      "spec.versions[v2].served": "true",
      "spec.versions[v1].name": '"v1"',
      "spec.versions[v1].served": "false",
    });
  });
});
