/**
 * Shared steps of the parity tests: generate a fixture under fixtures/ (a real CRD's Go API types
 * ported to TypeScript, as a platform team migrating from controller-gen would port them), read
 * the original CRD from the corpus (whole, or cut to what a partial port covers), and take the descriptions of one version's schema by path.
 * The leaf-by-leaf comparison itself is ../controller-gen/crd-compare.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, test } from "vitest";
import { parse } from "yaml";
import { generate, type GenerateResult } from "../../src/generate.js";
import { diffLeaves, flattenCrd, isObject, type LeafDifference } from "../controller-gen/crd-compare.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const CORPUS = fileURLToPath(new URL("../../../shared/corpus/crds/", import.meta.url));

/** A difference the comparison is expected to find, with why it is one. */
export interface KnownDifference extends LeafDifference {
  reason: string;
}

export function withoutReason({ reason: _reason, ...difference }: KnownDifference): LeafDifference {
  return difference;
}

export interface Generated {
  result: GenerateResult;
  /** The one CRD generated, parsed; undefined when generation failed. */
  crd: unknown;
}

/** Generates `fixtures/<name>/types.ts` as the command line would, from the repository root. */
export function generateFixture(name: string): Generated {
  const entry = path.join(REPO, "test", "parity", "fixtures", name, "types.ts");
  const result = generate({ entries: [entry], cwd: REPO });
  return { result, crd: result.files.length === 1 ? parse(result.files[0]!.content) : undefined };
}

/** A CRD of the corpus, by its path under corpus/crds/. */
export function corpusCrd(file: string): unknown {
  return parse(readFileSync(path.join(CORPUS, file), "utf8"));
}

/**
 * Every schema description of version `version`, keyed as crd-compare.ts keys leaves (`spec.rules[]`,
 * `status.health[*]`; the root is `(root)`).
 */
export function descriptions(crd: unknown, version: string): Map<string, string> {
  const versions = isObject(crd) && isObject(crd.spec) ? crd.spec.versions : undefined;
  const found = Array.isArray(versions) ? versions.find((v) => isObject(v) && v.name === version) : undefined;
  const schema = isObject(found) && isObject(found.schema) ? found.schema.openAPIV3Schema : undefined;
  if (schema === undefined) throw new Error(`no version ${version}`);
  const out = new Map<string, string>();
  const walk = (node: unknown, at: string): void => {
    if (!isObject(node)) return;
    if (typeof node.description === "string") out.set(at || "(root)", node.description);
    if (isObject(node.properties))
      for (const [name, child] of Object.entries(node.properties)) walk(child, at ? `${at}.${name}` : name);
    walk(node.items, `${at}[]`);
    walk(node.additionalProperties, `${at}[*]`);
  };
  walk(schema, "");
  return out;
}

/**
 * A description's words, whitespace collapsed: Kubernetes' OpenAPI data, which crdgen ships for
 * Kubernetes' own types, words Go's doc comments with other line breaks than controller-gen does.
 */
export function words(description: string): string {
  return description.replace(/\s+/g, " ").trim();
}

/** A port: its fixture, the corpus CRD it ports, and what the comparison must find. */
export interface Port {
  fixture: string;
  /** Path under corpus/crds/. */
  original: string;
  /** The original's owner, as test names say it ("Istio's"). */
  owner: string;
  differences: readonly KnownDifference[];
  /** Fewer leaves compared than this means the port lost most of the CRD. */
  minPaths: number;
  /**
   * Warnings the original draws from `crdgen check` too, by code (CRD2007: too large for
   * client-side `kubectl apply`), or that the port's layout draws (CRD1021: roots of another
   * port's file it imports from); none by default.
   */
  warnings?: readonly string[];
  /**
   * For a port of part of a CRD: what it covers in each version (by version name), to which the
   * original's schemas are cut before the comparison. The envelope is always compared whole.
   */
  subset?: (version: string) => Subset;
  /**
   * For a port of part of a CRD: how many schema leaves of each of `versions` the cut original
   * must keep, so that the subset stays a meaningful one.
   */
  subsetLeaves?: { versions: readonly string[]; min: number; max: number };
}

/** What a partial port covers: `true` keeps a property's whole schema, an object keeps only the properties it names. */
export interface Subset {
  [property: string]: true | Subset;
}

/**
 * `schema` cut to `subset`: the properties left out go, and so do their names in `required`.
 * A list's subset applies to its items.
 */
export function cutToSubset(schema: unknown, subset: Subset): unknown {
  if (!isObject(schema)) throw new Error("the subset names no object");
  if (schema.type === "array") return { ...schema, items: cutToSubset(schema.items, subset) };
  if (!isObject(schema.properties)) throw new Error("the subset names no object");
  const properties: Record<string, unknown> = {};
  for (const [name, keep] of Object.entries(subset)) {
    const property = schema.properties[name];
    if (property === undefined) throw new Error(`the original has no property ${name}`);
    properties[name] = keep === true ? property : cutToSubset(property, keep);
  }
  const required = Array.isArray(schema.required) ? schema.required.filter((n) => n in subset) : [];
  const { required: _all, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

/** A corpus CRD with each version's schema cut to what `subset` says of that version. */
export function corpusSubset(file: string, subset: (version: string) => Subset): unknown {
  const crd = structuredClone(corpusCrd(file)) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] };
  };
  for (const version of crd.spec.versions)
    version.schema.openAPIV3Schema = cutToSubset(version.schema.openAPIV3Schema, subset(version.name));
  return crd;
}

/**
 * The two tests every port has, in the calling `describe`: the fixture generates one CRD without a
 * diagnostic (or with the port's `warnings` only), and it equals the original leaf by leaf apart from `differences`. Returns the two
 * CRDs, for the port's own tests (ready inside tests, once `beforeAll` ran).
 */
export function portTests(port: Port): { generated(): Generated; expected(): unknown } {
  let generated: Generated | undefined;
  let expected: unknown;
  beforeAll(() => {
    generated = generateFixture(port.fixture);
    expected = port.subset ? corpusSubset(port.original, port.subset) : corpusCrd(port.original);
  });
  const made = (): Generated => {
    if (!generated) throw new Error("read inside a test");
    return generated;
  };

  const warnings = port.warnings ?? [];
  test(
    warnings.length
      ? `generates one CRD, warned of ${warnings.join(", ")} only`
      : "generates one CRD without a diagnostic",
    () => {
      expect(made().result.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(
        warnings.map((code) => `warning ${code}`),
      );
      expect(made().crd).toBeDefined();
    },
  );

  const compared = port.subset ? "the whole envelope and the subset equal" : "the whole CRD equals";
  test(`${compared} ${port.owner}, apart from the known differences`, () => {
    const comparison = diffLeaves(flattenCrd(expected), flattenCrd(made().crd));
    expect(comparison.differences).toEqual(port.differences.map(withoutReason));
    expect(comparison.paths).toBeGreaterThan(port.minPaths);
  });
  const leaves = port.subsetLeaves;
  if (leaves) {
    test.each(leaves.versions)(
      `%s: the subset is a meaningful one, ${leaves.min} to ${leaves.max} schema leaves`,
      (version) => {
        const count = [...flattenCrd(expected).keys()].filter((path) =>
          path.startsWith(`${version}:`),
        ).length;
        expect(count).toBeGreaterThanOrEqual(leaves.min);
        expect(count).toBeLessThanOrEqual(leaves.max);
      },
    );
  }
  return { generated: made, expected: () => expected };
}
