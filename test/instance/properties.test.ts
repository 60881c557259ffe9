import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import { validateInstance } from "../../src/validate/instance/index.js";

const ORACLE = fileURLToPath(
  new URL("../../../shared/anchors/k8s-validation/instance-oracle/", import.meta.url),
);
const CORPUS = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));

/** Valid instances of the oracle (`-base`), each with its CRD. */
const bases = readFileSync(`${ORACLE}CASES-136.tsv`, "utf8")
  .split("\n")
  .filter((l) => l.includes("-base.yaml"))
  .map((line) => {
    const [file = "", crdPath = ""] = line.split("\t");
    const docs = parseAllDocuments(readFileSync(CORPUS + crdPath, "utf8")).map(
      (d) => d.toJS() as CustomResourceDefinition,
    );
    const crd =
      docs.find((d) => d?.kind === "CustomResourceDefinition") ?? (docs[0] as CustomResourceDefinition);
    return { crd, instance: parse(readFileSync(ORACLE + file, "utf8")) as Record<string, unknown> };
  });

type Path = Array<string | number>;

/** Every path to a value inside `x` (bounded), to pick mutation targets from. */
function paths(x: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (out.length > 400) return out;
  out.push(prefix);
  if (Array.isArray(x)) x.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) paths(v, [...prefix, k], out);
  return out;
}

function mutate(obj: Record<string, unknown>, path: Path, action: "set" | "delete", value: unknown): unknown {
  const copy = structuredClone(obj) as Record<string, unknown>;
  if (path.length === 0) return action === "set" ? value : copy;
  let parent: unknown = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  const last = path[path.length - 1] as string | number;
  const container = parent as Record<string | number, unknown>;
  if (action === "delete") {
    if (Array.isArray(container)) container.splice(last as number, 1);
    else delete container[last];
  } else container[last] = value;
  return copy;
}

function wellFormed(result: ReturnType<typeof validateInstance>): void {
  expect(Array.isArray(result.errors)).toBe(true);
  expect(Array.isArray(result.warnings)).toBe(true);
  for (const e of [...result.errors, ...result.warnings]) expect(typeof e.detail).toBe("string");
}

describe("validateInstance on random input", () => {
  it("has base instances to mutate", () => {
    expect(bases.length).toBeGreaterThan(50);
  });

  it("never throws on random mutations of corpus instances", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.nat(),
        fc.constantFrom("set", "delete") as fc.Arbitrary<"set" | "delete">,
        fc.jsonValue({ maxDepth: 3 }),
        (which, at, action, value) => {
          const base = bases[which];
          if (!base) return;
          const candidates = paths(base.instance);
          const target = candidates[at % candidates.length] ?? [];
          const started = Date.now();
          wellFormed(validateInstance(base.crd, mutate(base.instance, target, action, value)));
          expect(Date.now() - started).toBeLessThan(2000);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("never throws on random documents", () => {
    const crd = bases[0]?.crd;
    if (!crd) throw new Error("no CRD");
    const apiVersion = `${crd.spec.group}/${crd.spec.versions[0]?.name ?? ""}`;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 2 }), (spec, metadata) => {
        wellFormed(validateInstance(crd, { apiVersion, kind: crd.spec.names.kind, metadata, spec }));
        wellFormed(validateInstance(crd, spec));
      }),
      { numRuns: 300 },
    );
  });
});
