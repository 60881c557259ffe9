/**
 * Client-side `kubectl apply` stores the manifest (Go JSON + newline) in the
 * kubectl.kubernetes.io/last-applied-configuration annotation, and all annotations of an object
 * must fit in 262144 bytes. Checked at the byte where it stops fitting, and on the real corpus.
 */
import { describe, expect, it } from "vitest";
import { clientSideApplyProblem, LAST_APPLIED_ANNOTATION } from "../../src/validate/client-side-apply.js";
import { goJsonSize } from "../../src/validate/go-json-size.js";
import { corpusCrds } from "./corpus.js";
import { crdWith } from "./described-crd.js";

const LIMIT = 262144;

/** The longest description for which client-side apply still fits. */
function longestFitting(annotations?: Record<string, string>): number {
  const others = Object.entries(annotations ?? {}).reduce((n, [k, v]) => n + k.length + v.length, 0);
  const room = LIMIT - others - LAST_APPLIED_ANNOTATION.length - 1;
  return room - goJsonSize(crdWith(0, annotations));
}

describe("clientSideApplyProblem", () => {
  it("accepts a CRD whose annotation takes exactly the limit, and warns one byte past it", () => {
    const n = longestFitting();
    expect(clientSideApplyProblem(crdWith(n))).toBeUndefined();
    const problem = clientSideApplyProblem(crdWith(n + 1));
    expect(problem).toMatch(/^too large for client-side `kubectl apply`/);
    expect(problem).toContain('"metadata.annotations: Too long: may not be more than 262144 bytes"');
    expect(problem).toContain("kubectl apply --server-side");
  });

  it("counts the object's other annotations, which share the limit", () => {
    const annotations = { "example.com/note": "x".repeat(1000) };
    const n = longestFitting(annotations);
    expect(clientSideApplyProblem(crdWith(n, annotations))).toBeUndefined();
    expect(clientSideApplyProblem(crdWith(n + 1, annotations))).toBeDefined();
    // The same CRD fits without them.
    expect(clientSideApplyProblem(crdWith(n + 1))).toBeUndefined();
  });

  it("does not count a last-applied annotation the manifest already carries (kubectl replaces it)", () => {
    // kubectl encodes the manifest without it: here with an empty annotations map left behind.
    const n = longestFitting({});
    const saved = crdWith(n, { [LAST_APPLIED_ANNOTATION]: "{}".repeat(50_000) });
    expect(clientSideApplyProblem(saved)).toBeUndefined();
    expect(clientSideApplyProblem(crdWith(n + 1, { [LAST_APPLIED_ANNOTATION]: "{}" }))).toBeDefined();
  });

  it("counts escaped characters at their Go size (a `<` takes six bytes)", () => {
    const n = longestFitting();
    const withHtml = crdWith(n);
    const schema = (
      withHtml["spec"] as { versions: { schema: { openAPIV3Schema: { description: string } } }[] }
    ).versions[0]!.schema.openAPIV3Schema;
    schema.description = `<${"d".repeat(n - 1)}`;
    expect(clientSideApplyProblem(withHtml)).toBeDefined();
  });
});

describe("the corpus: the CRDs whose projects say to apply them server-side", () => {
  const crds = corpusCrds("crds");
  const tooLarge = crds
    .filter(({ crd }) => clientSideApplyProblem(crd) !== undefined)
    .map(({ file }) => file);

  it("are 17 of the 215, prometheus-operator's Prometheus among them", () => {
    expect(tooLarge).toHaveLength(17);
    // kube-prometheus' install hits this one (kube-prometheus issue 1511).
    expect(tooLarge).toContain("crds/prometheus-operator/monitoring.coreos.com_prometheuses.yaml");
  });

  it("are the ones whose JSON, as Go writes it, does not fit beside their annotations", () => {
    for (const { file, crd } of crds) {
      const annotations = (crd["metadata"] as { annotations?: Record<string, string> }).annotations ?? {};
      const others = Object.entries(annotations).reduce((n, [k, v]) => n + Buffer.byteLength(k + v), 0);
      // JSON.stringify's text, plus what Go's HTML-safe escapes add.
      const json = JSON.stringify(crd);
      const goJson = Buffer.byteLength(json) + 5 * (json.match(/[<>&]/g)?.length ?? 0);
      const annotationBytes = others + LAST_APPLIED_ANNOTATION.length + goJson + 1;
      expect(tooLarge.includes(file), file).toBe(annotationBytes > LIMIT);
    }
  });
});
