/**
 * Finds the CRD a custom resource belongs to, by apiVersion (group/version) and kind, the way the
 * API server's discovery does: only a served version of a CRD answers. When none does, says why
 * in the words a user can act on (a version the CRD does not serve, a kind spelled in another
 * case, no CRD of that group at all).
 */
import { groupOf } from "./builtin-kinds.js";
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

export type CrdMatch = { ok: true; crd: CheckedObject } | { ok: false; reason: string };

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
      reason: `no checked CustomResourceDefinition serves ${what}: ${nameOf(crd)} ${problem} (${servedList(crd)}), so the API server would answer "no matches for kind"`,
    };
  }
  const lower = kind.toLowerCase();
  const otherCase = ofGroup.find((c) => String(shape(c).spec?.names?.kind).toLowerCase() === lower);
  const hint = otherCase
    ? ` (kinds are case-sensitive: did you mean ${String(shape(otherCase).spec?.names?.kind)}?)`
    : crds.length === 0
      ? " (no CustomResourceDefinition was found in the checked files: give the CRD files as arguments, the custom resources with --instances)"
      : "";
  return { ok: false, reason: `no checked CustomResourceDefinition defines ${what}${hint}` };
}
