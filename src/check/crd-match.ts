/**
 * Finds the CRD a custom resource belongs to, by apiVersion (group/version) and kind, the way the
 * API server's discovery does: only a served version of a CRD answers. When none does, says why
 * in the words a user can act on (a version the CRD does not serve, a kind spelled in another
 * case, no CRD of that group at all).
 */
import { didYouMean } from "../tags/suggest.js";
import { builtinKindsOf, groupOf } from "./builtin-kinds.js";
import type { CheckedObject } from "./load.js";

interface CrdShape {
  metadata?: { name?: unknown };
  spec?: { group?: unknown; names?: { kind?: unknown }; versions?: unknown };
}

interface VersionShape {
  name: string;
  served: boolean;
}

function versionsOf(crd: CrdShape): VersionShape[] {
  const versions = crd.spec?.versions;
  if (!Array.isArray(versions)) return [];
  return versions.flatMap((v: unknown) => {
    const { name, served } = (v && typeof v === "object" ? v : {}) as { name?: unknown; served?: unknown };
    return typeof name === "string" ? [{ name, served: served === true }] : [];
  });
}

function nameOf(crd: CrdShape): string {
  return typeof crd.metadata?.name === "string" ? crd.metadata.name : "";
}

function servedList(crd: CrdShape): string {
  const served = versionsOf(crd).filter((v) => v.served);
  return served.length > 0 ? `it serves ${served.map((v) => v.name).join(", ")}` : "it serves no version";
}

/**
 * A match, or why there is none and which field of the custom resource to point at: the
 * `kind` when its group is known but no kind there is spelt so, else the `apiVersion`.
 */
export type CrdMatch =
  { ok: true; crd: CheckedObject } | { ok: false; reason: string; field: "apiVersion" | "kind" };

export function findCrd(crds: readonly CheckedObject[], apiVersion: string, kind: string): CrdMatch {
  const group = groupOf(apiVersion);
  const version = apiVersion.slice(apiVersion.lastIndexOf("/") + 1);
  const shape = (c: CheckedObject) => c.value as CrdShape;
  const ofGroup = crds.filter((c) => shape(c).spec?.group === group);
  const ofKind = ofGroup.filter((c) => shape(c).spec?.names?.kind === kind);
  const serving = ofKind.find((c) => versionsOf(shape(c)).some((v) => v.name === version && v.served));
  if (serving) return { ok: true, crd: serving };
  const what = `${kind || "<no kind>"} in ${apiVersion || "<no apiVersion>"}`;
  const first = ofKind[0];
  if (first) {
    const crd = shape(first);
    const known = versionsOf(crd).some((v) => v.name === version);
    const problem = known ? `does not serve version ${version}` : `has no version ${version}`;
    return {
      ok: false,
      field: "apiVersion",
      reason: `no checked CustomResourceDefinition serves ${what}: ${nameOf(crd)} ${problem} (${servedList(crd)}), so the API server would answer "no matches for kind"`,
    };
  }
  const kindsOfGroup = [...ofGroup.map((c) => String(shape(c).spec?.names?.kind)), ...builtinKindsOf(group)];
  const meant = kind ? didYouMean(kind, kindsOfGroup) : undefined;
  if (meant !== undefined) {
    const hint =
      meant.toLowerCase() === kind.toLowerCase()
        ? `kinds are case-sensitive: did you mean ${meant}?`
        : `did you mean ${meant}?`;
    return {
      ok: false,
      field: "kind",
      reason: `no checked CustomResourceDefinition defines ${what} (${hint})`,
    };
  }
  // The kind is known, in another group: the apiVersion is the slip (`example.io/v1` for `example.com/v1`).
  const elsewhere = crds.find((c) => shape(c).spec?.names?.kind === kind);
  const hint = elsewhere
    ? ` (${kind} is defined in ${String(shape(elsewhere).spec?.group)}, by ${nameOf(shape(elsewhere))})`
    : crds.length === 0
      ? " (no CustomResourceDefinition was found in the checked files: give the CRD files as arguments, the custom resources with --instances)"
      : "";
  const field = ofGroup.length > 0 && !elsewhere ? "kind" : "apiVersion";
  return { ok: false, field, reason: `no checked CustomResourceDefinition defines ${what}${hint}` };
}
