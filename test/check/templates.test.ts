/**
 * A Helm-templated file is one error saying what it is (render it first), not dozens of YAML
 * errors; `{{` in a valid file (a description, a quoted string) is not taken for a template.
 */
import { describe, expect, it } from "vitest";
import { check, crdYaml, tempDir } from "./harness.js";

const HINT =
  "error CRD2006: this file holds template actions ({{ ... }}), so it is not YAML until rendered: check the output of `helm template` (or your templating tool) instead";

describe("crdgen check of a templated file", () => {
  it.each([
    ["wrapped in an if", `{{- if .Values.crds.enabled }}\n${crdYaml()}{{- end }}\n`, "1:1"],
    [
      "with an include among its labels",
      crdYaml((t) =>
        t.replace("metadata:\n", 'metadata:\n  labels:\n    {{- include "chart.labels" . | nindent 4 }}\n'),
      ),
      "5:5",
    ],
    ["in a list item", `- {{ toYaml .Values.x }}\n${crdYaml()}`, "1:3"],
  ])("%s: one error at the first action, nothing else checked", async (_what, text, at) => {
    const run = await check(["crd.yaml"], tempDir({ "crd.yaml": text }));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`crd.yaml:${at} - ${HINT}`);
    expect(run.stdout).toContain("1 error, 0 warnings (checked 0 CRDs in 1 file)");
    const json = await check(["crd.yaml", "--format", "json"], tempDir({ "crd.yaml": text }));
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ code: "CRD2006", type: "Template" })]);
  });

  const ROOT = "openAPIV3Schema:\n          type: object";
  it.each([
    ["a quoted description", `${ROOT}\n          description: 'Use {{ .name }} here'`],
    [
      "a block scalar",
      `${ROOT}\n          description: |-\n            {{ .name }} is replaced\n            key: {{ .value }}`,
    ],
  ])("{{ in %s of a valid file is not a template", async (_what, root) => {
    const run = await check(["crd.yaml"], tempDir({ "crd.yaml": crdYaml((t) => t.replace(ROOT, root)) }));
    expect(run).toMatchObject({ code: 0, stdout: "0 errors, 0 warnings (checked 1 CRD in 1 file)\n" });
  });

  it("a broken file without template actions keeps its YAML errors", async () => {
    const run = await check(["crd.yaml"], tempDir({ "crd.yaml": "a: [unclosed\n" }));
    expect(run.stdout).toContain("error CRD2006: invalid YAML");
  });
});

describe("crdgen check of a Helm chart's templates whose actions are all quoted (valid YAML)", () => {
  const cr = [
    "apiVersion: example.com/v1",
    "kind: Widget",
    "metadata:",
    '  name: "{{ .Release.Name }}-w"',
    "spec:",
    '  color: "{{ .Values.color }}"',
    "",
  ].join("\n");

  it("is a template in a chart (templates/ beside Chart.yaml), at its first action", async () => {
    const dir = tempDir({
      "crd.yaml": crdYaml(),
      "chart/Chart.yaml": "apiVersion: v2\nname: chart\nversion: 0.1.0\n",
      "chart/templates/sub/widget.yaml": cr,
    });
    const run = await check(["crd.yaml", "--instances", "chart/templates"], dir);
    expect(run.stdout).toContain(`chart/templates/sub/widget.yaml:4:10 - ${HINT}`);
    expect(run.stdout).toContain("1 error, 0 warnings (checked 1 CRD in 2 files)");
  });

  it("is a custom resource elsewhere, where `{{ }}` is often meant (an ApplicationSet's template)", async () => {
    const dir = tempDir({
      "crd.yaml": crdYaml(),
      "templates/widget.yaml": cr.replace('"{{ .Release.Name }}-w"', "w"),
    });
    const run = await check(["crd.yaml", "--instances", "templates"], dir);
    expect(run).toMatchObject({
      code: 0,
      stdout: "0 errors, 0 warnings (checked 1 CRD and 1 custom resource in 2 files)\n",
    });
  });
});
