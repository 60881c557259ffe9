/**
 * `crdgen check --instances` on the instance oracle (303 custom resources of 65 corpus CRDs):
 * the message of every error must read exactly as Kubernetes 1.36.3 prints it
 * (instance-oracle/CASES-136.tsv), not only agree by path and type.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { check } from "./harness.js";

const ORACLE = fileURLToPath(
  new URL("../../../shared/anchors/k8s-validation/instance-oracle/", import.meta.url),
);
const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));

/**
 * Instances whose messages knowingly differ from Kubernetes', with the reason. None do today;
 * a difference found later must be listed here with its cause.
 */
const REMAINING: ReadonlyMap<string, string> = new Map();

interface Finding {
  file: string;
  severity: string;
  message: string;
}

const cases = readFileSync(`${ORACLE}CASES-136.tsv`, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((line) => {
    const [instance = "", crdPath = "", , ...errors] = line.split("\t");
    return { instance, crdPath, errors: errors.filter(Boolean).sort() };
  });

describe("check --instances messages (Kubernetes 1.36.3)", () => {
  it("match the oracle's text for every custom resource", async () => {
    const crds = [...new Set(cases.map((c) => CORPUS + c.crdPath))];
    const run = await check(["--format", "json", ...crds, "--instances", `${ORACLE}*.yaml`], ORACLE);
    expect(run.stderr).toBe("");
    const byInstance = new Map<string, string[]>();
    for (const f of JSON.parse(run.stdout) as Finding[]) {
      if (f.severity !== "error") continue;
      const name = f.file.slice(f.file.lastIndexOf("/") + 1);
      byInstance.set(name, [...(byInstance.get(name) ?? []), f.message]);
    }
    const differing = cases
      .filter((c) => JSON.stringify((byInstance.get(c.instance) ?? []).sort()) !== JSON.stringify(c.errors))
      .map((c) => c.instance);
    const matching = cases.length - differing.length;
    console.log(
      `check --instances: ${matching}/${cases.length} custom resources with Kubernetes' exact messages`,
    );
    expect(differing).toEqual([...REMAINING.keys()]);
    expect(matching).toBe(303);
  });
});
