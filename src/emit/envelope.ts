/**
 * The CRD envelope around the schemas: one CustomResourceDefinition per group and kind,
 * with one entry in `versions` per root declaring that kind.
 */
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CrdSettings, IrRoot } from "../ir/model.js";
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionVersion,
  JSONSchemaProps,
} from "../schema/types.js";
import { compareVersions } from "./versions.js";

export interface VersionInput {
  root: IrRoot;
  schema: JSONSchemaProps;
}

export interface EmittedCrd {
  crd: CustomResourceDefinition;
  /** The roots it was made from, highest version first. */
  roots: IrRoot[];
}

export function buildCrds(inputs: readonly VersionInput[], diagnostics: Diagnostic[]): EmittedCrd[] {
  const groups = new Map<string, VersionInput[]>();
  for (const input of inputs) {
    const key = `${input.root.settings.group}/${input.root.settings.kind}`;
    const list = groups.get(key) ?? [];
    list.push(input);
    groups.set(key, list);
  }
  const out: EmittedCrd[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => compareVersions(a.root.settings.version, b.root.settings.version));
    const crd = buildOne(list, diagnostics);
    if (crd) out.push({ crd, roots: list.map((i) => i.root) });
  }
  return out.sort((a, b) => (a.crd.metadata.name! < b.crd.metadata.name! ? -1 : 1));
}

function buildOne(list: VersionInput[], diagnostics: Diagnostic[]): CustomResourceDefinition | undefined {
  const first = list[0]!.root;
  const s = first.settings;
  let ok = true;
  for (const other of list.slice(1)) {
    const conflict = settingConflict(s, other.root.settings);
    if (!conflict) continue;
    ok = false;
    diagnostics.push({
      severity: "error",
      code: codes.versionConflict,
      message: `${other.root.typeName} and ${first.typeName} declare versions of ${s.kind}.${s.group} but disagree on ${conflict}.`,
      location: other.root.origin,
    });
  }
  const byVersion = new Map<string, IrRoot[]>();
  for (const { root } of list) byVersion.set(root.settings.version, [...(byVersion.get(root.settings.version) ?? []), root]);
  for (const [version, roots] of byVersion) {
    if (roots.length < 2) continue;
    ok = false;
    diagnostics.push({
      severity: "error",
      code: codes.duplicateCrd,
      message: `${s.kind}.${s.group} version ${version} is declared more than once (${roots.map((r) => r.typeName).join(", ")}).`,
      location: roots[1]!.origin,
    });
  }
  const stored = list.length === 1 ? [list[0]!] : list.filter((i) => i.root.tags.some((t) => t.name === "storageVersion"));
  if (stored.length !== 1) {
    ok = false;
    diagnostics.push({
      severity: "error",
      code: codes.versionConflict,
      message:
        stored.length === 0
          ? `${s.kind}.${s.group} has ${list.length} versions (${list.map((i) => i.root.settings.version).join(", ")}) but none is tagged @storageVersion.`
          : `${s.kind}.${s.group} has more than one @storageVersion: ${stored.map((i) => `${i.root.typeName} (${i.root.settings.version})`).join(" and ")}.`,
      location: (stored[1] ?? list[0]!).root.origin,
      hint: "tag exactly one version's root with @storageVersion",
    });
  }
  if (!ok) return undefined;

  const names: CustomResourceDefinitionNames = {
    kind: s.kind,
    listKind: s.listKind,
    plural: s.plural,
    singular: s.singular,
    ...(s.shortNames.length ? { shortNames: s.shortNames } : {}),
    ...(s.categories.length ? { categories: s.categories } : {}),
  };
  const versions: CustomResourceDefinitionVersion[] = list.map((input) => ({
    name: input.root.settings.version,
    served: true,
    storage: input === stored[0],
    schema: { openAPIV3Schema: input.schema },
  }));
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${s.plural}.${s.group}` },
    spec: { group: s.group, names, scope: s.scope, versions },
  };
}

function settingConflict(a: CrdSettings, b: CrdSettings): string | undefined {
  const keys: (keyof CrdSettings)[] = ["plural", "singular", "scope", "listKind"];
  for (const k of keys) if (a[k] !== b[k]) return `${k} (${String(a[k])} vs ${String(b[k])})`;
  if (a.shortNames.join() !== b.shortNames.join()) return "shortNames";
  if (a.categories.join() !== b.categories.join()) return "categories";
  return undefined;
}
