import { describe, expect, it } from "vitest";
import { CHANGE_KINDS, diffCrds, type CrdChange } from "../../src/diff/index.js";
import type { CustomResourceDefinition } from "../../src/schema/types.js";
import { compareVersionNames, loadCorpus, singleVersionView } from "./corpus.js";

/** Rebuilds every object with its keys in reverse order: the diff must not care. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  ) as T;
}

/** Follows a location through a plain object; undefined when it leads nowhere. */
function resolve(root: unknown, location: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const key of location) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

interface VersionPair {
  name: string;
  old: CustomResourceDefinition;
  new: CustomResourceDefinition;
}

/** For each multi-version CRD: its oldest served non-storage version against its storage version. */
function versionPairs(): VersionPair[] {
  const pairs: VersionPair[] = [];
  for (const { file, crd } of loadCorpus()) {
    const versions = crd.spec.versions;
    const storage = versions.find((v) => v.storage);
    const older = versions
      .filter((v) => v.served && !v.storage)
      .sort((a, b) => compareVersionNames(a.name, b.name))[0];
    if (!storage || !older) continue;
    pairs.push({
      name: `${file} ${older.name} -> ${storage.name}`,
      old: singleVersionView(crd, older, storage.name),
      new: singleVersionView(crd, storage, storage.name),
    });
  }
  return pairs;
}

describe("corpus", () => {
  const corpus = loadCorpus();
  const pairs = versionPairs();

  it("loads the whole corpus, with multi-version CRDs to pair", () => {
    expect(corpus.length).toBeGreaterThan(200);
    expect(pairs.length).toBeGreaterThan(40);
  });

  it("finds no changes between each CRD and itself, a copy, or its versions reordered", () => {
    for (const { file, crd } of corpus) {
      expect(diffCrds([crd], [crd]), file).toEqual([]);
      const reordered = structuredClone(crd);
      reordered.spec.versions.reverse();
      expect(diffCrds([crd], [reverseKeys(reordered)]), file).toEqual([]);
    }
  });

  it("diffs older served versions against storage versions deterministically", () => {
    const kinds = new Set<string>(CHANGE_KINDS);
    let total = 0;
    for (const pair of pairs) {
      const changes: CrdChange[] = diffCrds([pair.old], [pair.new]);
      total += changes.length;
      expect(diffCrds([structuredClone(pair.old)], [structuredClone(pair.new)]), pair.name).toEqual(changes);
      expect(diffCrds([reverseKeys(pair.old)], [reverseKeys(pair.new)]), pair.name).toEqual(changes);
      const prefix = `spec.versions[${pair.new.spec.versions[0]?.name}]`;
      for (const change of changes) {
        expect(kinds.has(change.kind), change.kind).toBe(true);
        expect(change.path.startsWith(prefix), change.path).toBe(true);
        // Every location must lead to a node that exists in the new CRD.
        expect(
          resolve(pair.new, change.location ?? ["missing"]),
          `${pair.name} ${change.path}`,
        ).not.toBeUndefined();
      }
    }
    // Real version pairs differ; a diff that found nothing would be broken.
    expect(total).toBeGreaterThan(pairs.length);
  });

  it("reports every CRD as removed against an empty set, and added the other way", () => {
    const crds = corpus.map((c) => c.crd);
    const removed = diffCrds(crds, []);
    expect(removed.every((c) => c.kind === "crd-removed" && c.breaking)).toBe(true);
    expect(new Set(removed.map((c) => c.crd)).size).toBe(removed.length);
    expect(diffCrds([], crds).map((c) => c.crd)).toEqual(removed.map((c) => c.crd));
  });
});
