/**
 * `crdgen check --instances` over a folder of manifests as a CI job gives it: CRs next to
 * Kubernetes' own kinds and kustomize files, YAML 1.1 values, lists, templates, versions the
 * CRD does not serve.
 */
import { describe, expect, it } from "vitest";
import { check, crdYaml, tempDir, type JsonFinding } from "./harness.js";

type Row = JsonFinding;

const CR = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n";

/** A CRD whose v1 is served and whose v1beta1 is defined but not served. */
const TWO_VERSIONS = crdYaml().replace(
  "  versions:\n",
  "  versions:\n    - name: v1beta1\n      served: false\n      storage: false\n      schema:\n        openAPIV3Schema:\n          type: object\n",
);

const ENABLED = crdYaml((t) =>
  t.replace(
    "                color:\n",
    "                enabled:\n                  type: boolean\n                mode:\n                  type: integer\n                color:\n",
  ),
);

async function rows(files: Record<string, string>, instances = "cr.yaml"): Promise<Row[]> {
  const run = await check(["--format", "json", "crd.yaml", "--instances", instances], tempDir(files));
  return JSON.parse(run.stdout) as Row[];
}

describe("crdgen check --instances in CI", () => {
  it("validates YAML 1.1 values as kubectl sends them (yes is true, 0755 is 493)", async () => {
    const cr = `${CR}  enabled: yes\n  mode: 0755\n`;
    const found = await rows({ "crd.yaml": ENABLED, "cr.yaml": cr });
    // Only the CRD2002 warnings: no "must be of type boolean" for a value the API server gets as true.
    expect(found.map((f) => [f.line, f.code])).toEqual([
      [7, "CRD2002"],
      [8, "CRD2002"],
    ]);
  });

  it("validates the kubectl reading even when it is the wrong type", async () => {
    const cr = `${CR}  color: on\n`;
    const found = await rows({ "crd.yaml": crdYaml(), "cr.yaml": cr });
    expect(found.filter((f) => f.severity === "error")).toEqual([
      expect.objectContaining({ line: 7, column: 10, path: "spec.color", type: "FieldValueInvalid" }),
    ]);
  });

  it("refuses a version the CRD defines but does not serve, and says which it serves", async () => {
    const cr = CR.replace("example.com/v1", "example.com/v1beta1");
    const found = await rows({ "crd.yaml": TWO_VERSIONS, "cr.yaml": cr });
    expect(found).toEqual([
      expect.objectContaining({
        line: 1,
        column: 13,
        type: "NoMatchingCRD",
        message:
          'no checked CustomResourceDefinition serves Widget in example.com/v1beta1: widgets.example.com does not serve version v1beta1 (it serves v1), so the API server would answer "no matches for kind"',
      }),
    ]);
  });

  it("names the served versions for a version the CRD lacks, and the kind for a case slip", async () => {
    const crs = `${CR.replace("example.com/v1", "example.com/v2")}---\n${CR.replace("kind: Widget", "kind: widget")}`;
    const found = await rows({ "crd.yaml": crdYaml(), "cr.yaml": crs });
    expect(found.map((f) => f.message)).toEqual([
      'no checked CustomResourceDefinition serves Widget in example.com/v2: widgets.example.com has no version v2 (it serves v1), so the API server would answer "no matches for kind"',
      "no checked CustomResourceDefinition defines widget in example.com/v1 (kinds are case-sensitive: did you mean Widget?)",
    ]);
  });

  it("points a misspelt kind at its kind: line, with the kind it was meant to be", async () => {
    const crs = `${CR.replace("kind: Widget", "kind: Widgte")}---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: d\n`;
    const found = await rows({ "crd.yaml": crdYaml(), "cr.yaml": crs });
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([
      [2, 7, "no checked CustomResourceDefinition defines Widgte in example.com/v1 (did you mean Widget?)"],
      [9, 7, "no checked CustomResourceDefinition defines Deploymnet in apps/v1 (did you mean Deployment?)"],
    ]);
  });

  it("points a kind that a CRD of another group defines at the apiVersion, naming that group", async () => {
    const found = await rows({
      "crd.yaml": crdYaml(),
      "cr.yaml": CR.replace("example.com/v1", "example.io/v1"),
    });
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([
      [
        1,
        13,
        "no checked CustomResourceDefinition defines Widget in example.io/v1 (Widget is defined in example.com, by widgets.example.com)",
      ],
    ]);
  });

  it("says so when no CRD was found at all", async () => {
    const run = await check(
      ["--format", "json", "cr.yaml", "--instances", "cr.yaml"],
      tempDir({ "cr.yaml": CR }),
    );
    expect((JSON.parse(run.stdout) as Row[])[0]?.message).toContain(
      "no CustomResourceDefinition was found in the checked files",
    );
  });

  it("calls a document without apiVersion and kind not a Kubernetes object", async () => {
    const found = await rows({ "crd.yaml": crdYaml(), "cr.yaml": "replicas: 3\n" });
    expect(found.map((f) => f.message)).toEqual([
      "this document is not a Kubernetes object: it has no apiVersion and kind",
    ]);
  });

  it("skips Kubernetes' own kinds and kustomize files, and counts them", async () => {
    const files = {
      "crd.yaml": crdYaml(),
      "m/cr.yaml": CR,
      "m/app.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
      "m/kustomization.yaml": "resources:\n  - app.yaml\n  - cr.yaml\n",
    };
    const run = await check(["crd.yaml", "--instances", "m/*.yaml"], tempDir(files));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "0 errors, 0 warnings (checked 1 CRD and 1 custom resource in 4 files; skipped 3 objects that no CRD defines, of Kubernetes' own kinds or kustomize's: ConfigMap, Deployment, Kustomization)\n",
    );
  });

  it("still reports a misspelt built-in kind and a custom resource whose CRD is missing", async () => {
    const crs =
      "apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\n";
    const found = await rows({ "crd.yaml": crdYaml(), "cr.yaml": crs });
    // The misspelt kind at its kind: line, the CR of an unknown group at its apiVersion.
    expect(found.map((f) => [f.line, f.type])).toEqual([
      [2, "NoMatchingCRD"],
      [6, "NoMatchingCRD"],
    ]);
  });

  it("splits a list of any kind ending in List, as kubectl does", async () => {
    const list =
      "apiVersion: example.com/v1\nkind: WidgetList\nitems:\n  - apiVersion: example.com/v1\n    kind: Widget\n    metadata:\n      name: w\n    spec:\n      size: 0\n";
    const found = await rows({ "crd.yaml": crdYaml(), "cr.yaml": list });
    expect(found).toEqual([expect.objectContaining({ line: 9, column: 13, path: "spec.size" })]);
  });

  it("takes a file whose template actions are whole values for a template", async () => {
    const cr = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: {{ .Release.Name }}\n";
    const found = await rows({ "crd.yaml": crdYaml(), "cr.yaml": cr });
    expect(found).toEqual([expect.objectContaining({ line: 4, column: 9, type: "Template" })]);
  });

  it("puts the note that CEL rules were not run after the error that stopped them", async () => {
    const crd = crdYaml((t) =>
      t.replace(
        "            spec:\n              type: object\n",
        "            spec:\n              type: object\n              x-kubernetes-validations:\n                - rule: self.size > 0\n",
      ),
    );
    const found = await rows({ "crd.yaml": crd, "cr.yaml": `${CR}  color: 5\n` });
    expect(found.map((f) => [f.line, f.column, f.path])).toEqual([
      [7, 10, "spec.color"],
      [7, 10, ""],
    ]);
  });

  it("locates an anyOf failure at the field it names", async () => {
    const crd = crdYaml((t) =>
      t.replace(
        "                color:\n                  type: string\n",
        "                port:\n                  x-kubernetes-int-or-string: true\n                  anyOf: [{type: integer}, {type: string}]\n",
      ),
    );
    const found = await rows({ "crd.yaml": crd, "cr.yaml": `${CR}  port: [1]\n` });
    expect(found.find((f) => f.message.includes("(anyOf)"))).toMatchObject({ line: 7, column: 9, path: "" });
  });
});
