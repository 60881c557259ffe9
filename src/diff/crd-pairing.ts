/**
 * Matches old CRDs to new ones. By `metadata.name` first; then a leftover old CRD is
 * paired with a leftover new one of the same kind that kept its group or its plural,
 * so a group or plural rename reads as one changed CRD rather than removed + added.
 */
import type { CustomResourceDefinition } from "../schema/types.js";
import { crdName, namesOf } from "./crd-access.js";

export interface CrdPairing {
  pairs: [CustomResourceDefinition, CustomResourceDefinition][];
  removed: CustomResourceDefinition[];
  added: CustomResourceDefinition[];
}

/** Indexes CRDs by name; when a name repeats, the last one wins (as with `kubectl apply`). */
export function indexByName(
  crds: readonly CustomResourceDefinition[],
): Map<string, CustomResourceDefinition> {
  const map = new Map<string, CustomResourceDefinition>();
  for (const crd of crds) map.set(crdName(crd), crd);
  return new Map([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function renamedFrom(old: CustomResourceDefinition, neu: CustomResourceDefinition): boolean {
  const before = namesOf(old);
  const after = namesOf(neu);
  if (before.kind === undefined || before.kind !== after.kind) return false;
  return old.spec?.group === neu.spec?.group || before.plural === after.plural;
}

export function pairCrds(
  oldCrds: readonly CustomResourceDefinition[],
  newCrds: readonly CustomResourceDefinition[],
): CrdPairing {
  const before = indexByName(oldCrds);
  const after = indexByName(newCrds);
  const pairs: [CustomResourceDefinition, CustomResourceDefinition][] = [];
  const removed: CustomResourceDefinition[] = [];
  const added = new Map(after);
  for (const [name, crd] of before) {
    const match = after.get(name);
    if (match) {
      pairs.push([crd, match]);
      added.delete(name);
    } else {
      removed.push(crd);
    }
  }
  for (const crd of [...removed]) {
    const candidate = [...added.entries()].find(([, neu]) => renamedFrom(crd, neu));
    if (!candidate) continue;
    pairs.push([crd, candidate[1]]);
    added.delete(candidate[0]);
    removed.splice(removed.indexOf(crd), 1);
  }
  return { pairs, removed, added: [...added.values()] };
}
