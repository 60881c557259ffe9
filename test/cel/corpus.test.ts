import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import { celErrorsForCrd } from "../../src/validate/cel/index.js";
import { formatFieldError } from "../../src/validate/format.js";
import { type ValidationOptions, V1_CREATE_OPTIONS } from "../../src/validate/options.js";

/**
 * The 215 real CRDs of the corpus are accepted by Kubernetes, so none of their rules may fail to
 * compile or exceed a cost budget here: a false alarm on a real CRD is the worst bug a CI check can have.
 */
const CRDS = fileURLToPath(new URL("../../../shared/corpus/crds/", import.meta.url));

const V1_CREATE: ValidationOptions = V1_CREATE_OPTIONS;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) =>
      statSync(dir + f).isDirectory() ? yamlFiles(`${dir}${f}/`) : f.endsWith(".yaml") ? [dir + f] : [],
    );
}

describe("corpus CRDs", () => {
  it("compile and fit the cost budgets", () => {
    let crds = 0;
    let withRules = 0;
    const problems: string[] = [];
    for (const file of yamlFiles(CRDS)) {
      for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
        const crd = doc.toJS() as CustomResourceDefinition | null;
        if (crd?.kind !== "CustomResourceDefinition") continue;
        crds++;
        if (JSON.stringify(crd).includes("x-kubernetes-validations")) withRules++;
        for (const e of celErrorsForCrd(crd, V1_CREATE))
          problems.push(`${file.slice(CRDS.length)}: ${formatFieldError(e)}`);
      }
    }
    expect(crds).toBe(215);
    expect(withRules).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });
});
