/**
 * The CRD envelope around the schemas: one CustomResourceDefinition per group and kind,
 * with one entry in `versions` per root declaring that kind.
 */
import { codes } from "../diagnostics/codes.js";
import { plainLocation, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { CrdSettings, IrRoot } from "../ir/model.js";
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionVersion,
  JSONSchemaProps,
} from "../schema/types.js";
import type { OriginIndex } from "../../transforms/origins.js";
import { repeatedValues } from "../tags/combinations.js";
import { checkVersionPaths } from "./version-checks.js";
import { compareVersions } from "./versions.js";

export interface VersionInput {
  root: IrRoot;
  schema: JSONSchemaProps;
  /** Where the schema's nodes were written (see transforms/origins.ts). */
  origins?: OriginIndex;
}

export interface EmittedCrd {
  crd: CustomResourceDefinition;
  /** What each entry of `crd.spec.versions` was made from, in the same order. */
  versions: VersionInput[];
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
    if (crd) out.push({ crd, versions: list });
  }
  return out.sort((a, b) => (a.crd.metadata.name! < b.crd.metadata.name! ? -1 : 1));
}

function buildOne(list: VersionInput[], diagnostics: Diagnostic[]): CustomResourceDefinition | undefined {
  const first = list[0]!.root;
  const s = first.settings;
  let ok = true;
  for (const { root } of list) {
    // Kubernetes takes a short name twice, and `@annotation k=a` then `k=b` would keep only `b`.
    for (const problem of repeatedValues(root.tags)) {
      ok = false;
      diagnostics.push({
        severity: "error",
        code: codes.badTagValue,
        message: problem.message,
        location: plainLocation(problem.tag.origin ?? root.origin),
        path: root.typeName,
        ...(problem.hint ? { hint: problem.hint } : {}),
      });
    }
  }
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
  for (const { root } of list)
    byVersion.set(root.settings.version, [...(byVersion.get(root.settings.version) ?? []), root]);
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
  const stored = list.length === 1 ? [list[0]!] : list.filter((i) => i.root.version.storage);
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
  const names: CustomResourceDefinitionNames = {
    kind: s.kind,
    listKind: s.listKind,
    plural: s.plural,
    singular: s.singular,
    ...(s.shortNames.length ? { shortNames: s.shortNames } : {}),
    ...(s.categories.length ? { categories: s.categories } : {}),
  };
  for (const input of list) {
    const problems = checkVersionPaths(input.root, input.schema);
    if (problems.length > 0) ok = false;
    diagnostics.push(...problems);
  }
  const metadata = mergeMetadata(
    list.map((i) => i.root),
    diagnostics,
  );
  if (!ok || !metadata) return undefined;
  const versions = list.map((input) => versionEntry(input, input === stored[0]));
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${s.plural}.${s.group}`, ...metadata },
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

function versionEntry({ root, schema }: VersionInput, storage: boolean): CustomResourceDefinitionVersion {
  const v = root.version;
  const entry: CustomResourceDefinitionVersion = {
    name: root.settings.version,
    served: v.served,
    storage,
    schema: { openAPIV3Schema: schema },
  };
  if (v.deprecated) {
    entry.deprecated = true;
    if (v.deprecated.deprecationWarning) entry.deprecationWarning = v.deprecated.deprecationWarning;
  }
  if (v.status || v.scale)
    entry.subresources = { ...(v.status ? { status: {} } : {}), ...(v.scale ? { scale: v.scale } : {}) };
  if (v.printerColumns.length > 0) entry.additionalPrinterColumns = v.printerColumns;
  if (v.selectableFields.length > 0)
    entry.selectableFields = v.selectableFields.map((jsonPath) => ({ jsonPath }));
  return entry;
}

/** The CRD's own annotations and labels, from every version's root; a key given two values is an error. */
function mergeMetadata(
  roots: IrRoot[],
  diagnostics: Diagnostic[],
): { annotations?: Record<string, string>; labels?: Record<string, string> } | undefined {
  let ok = true;
  // Maps, not objects: a key such as `constructor` or `__proto__` is no different from any other.
  const merge = (pick: (r: IrRoot) => Record<string, string>, what: string) => {
    const out = new Map<string, string>();
    const from = new Map<string, string>();
    for (const r of roots) {
      for (const [k, v] of Object.entries(pick(r))) {
        const before = out.get(k);
        if (before !== undefined && before !== v) {
          ok = false;
          diagnostics.push({
            severity: "error",
            code: codes.versionConflict,
            message: `${what} ${k} is "${before}" on ${from.get(k)} but "${v}" on ${r.typeName}.`,
            location: r.origin,
          });
        }
        out.set(k, v);
        from.set(k, r.typeName);
      }
    }
    return out.size > 0 ? Object.fromEntries(out) : undefined;
  };
  const annotations = merge((r) => r.annotations, "Annotation");
  const labels = merge((r) => r.labels, "Label");
  if (!ok) return undefined;
  return { ...(annotations ? { annotations } : {}), ...(labels ? { labels } : {}) };
}
