/**
 * The v1-create conformance set (../shared/anchors/k8s-validation/oracle-mutants): 352 real CRDs
 * with one change each, judged by Kubernetes 1.36.3. Every verdict must equal Kubernetes', and
 * every Kubernetes error must be matched by path and type.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FieldError } from "../../src/validate/field-error.js";
import { formatFieldError } from "../../src/validate/format.js";
import { validateCrd } from "../../src/validate/index.js";
import { kubectlValues } from "../../src/yaml/kubectl-values.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";
import { ANCHORS_126, mismatches, parsePrinted } from "./anchors.js";

const DIR = `${ANCHORS_126}oracle-mutants/`;

interface Verdict {
  file: string;
  valid: boolean;
  errors: string[];
}

const verdicts: Verdict[] = readFileSync(`${DIR}EXPECTED.tsv`, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((line) => {
    const [file = "", verdict, ...errors] = line.split("\t");
    return { file, valid: verdict === "VALID", errors: errors.filter((e) => e) };
  });

const results = new Map<string, FieldError[]>();

/** Our errors for a mutant file, read as kubectl reads it (YAML 1.1); computed once per file. */
function errorsFor(file: string): FieldError[] {
  let errs = results.get(file);
  if (!errs) {
    errs = kubectlValues(parseYamlDocuments(readFileSync(DIR + file, "utf8"), file)).flatMap((crd) =>
      validateCrd(crd),
    );
    results.set(file, errs);
  }
  return errs;
}

describe("oracle mutants (Kubernetes 1.36.3 verdicts)", () => {
  it("has all 352 cases", () => expect(verdicts.length).toBe(352));
  for (const v of verdicts) {
    it(`${v.file} ${v.valid ? "VALID" : "INVALID"}`, () => {
      const errs = errorsFor(v.file);
      const problems = mismatches(v.errors.map(parsePrinted), errs);
      expect({ valid: errs.length === 0, problems }).toEqual({ valid: v.valid, problems: [] });
    });
  }
  it("reproduces Kubernetes' messages exactly for most errors", () => {
    let total = 0;
    let exact = 0;
    for (const v of verdicts) {
      const ours = new Set(errorsFor(v.file).map(formatFieldError));
      for (const e of v.errors) {
        total++;
        // The TSV keeps CEL compiler line breaks as a literal "\n".
        if (ours.has(e.replace(/\\n/g, "\n")) || ours.has(e)) exact++;
      }
    }
    // Exact text, including Go struct dumps and CEL compiler output; path and type are checked above.
    expect(exact / total).toBeGreaterThan(0.95);
  });
});
