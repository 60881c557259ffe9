/**
 * The CRD envelope around the schemas: one CustomResourceDefinition per group and kind,
 * with one entry in `versions` per root declaring that kind.
 */
import { codes } from "../diagnostics/codes.js";
import path from "node:path";
import { plainLocation, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostic.js";
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
  out.sort((a, b) => (a.crd.metadata.name! < b.crd.metadata.name! ? -1 : 1));
  const conflicts = nameConflicts(out);
  diagnostics.push(...conflicts);
  return conflicts.length > 0 ? [] : out;
}

/** A name a CRD claims in its group, and the tag that gave it (if one did). */
interface ClaimedName {
  name: string;
  /** As messages say it: `plural`, `short name`... */
  role: string;
  tag: string;
  value?: string;
  owner: EmittedCrd;
}

/**
 * Names two CRDs of one group both claim. Kubernetes' naming controller refuses the second CRD
 * to claim a plural, singular or short name any other CRD of the group uses as one of those, or
 * a kind or list kind another uses ("... is already in use"): that CRD is never Established.
 * Two kinds with one plural are one CRD name, and would be written to one file.
 */
function nameConflicts(crds: readonly EmittedCrd[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const resources = new Map<string, ClaimedName>();
  const kinds = new Map<string, ClaimedName>();
  for (const owner of crds) {
    const { group, names } = owner.crd.spec;
    const claim = (role: string, name: string, tag: string, value?: string): ClaimedName => ({
      name,
      role,
      tag,
      owner,
      ...(value !== undefined ? { value } : {}),
    });
    const ownResources = [
      claim("plural", names.plural, "plural"),
      ...(names.singular && names.singular !== names.plural
        ? [claim("singular", names.singular, "singular")]
        : []),
      ...(names.shortNames ?? []).map((n) => claim("short name", n, "shortName", n)),
    ];
    const ownKinds = [claim("kind", names.kind, "kind"), claim("list kind", names.listKind!, "kind")];
    for (const [mine, taken] of [
      [ownResources, resources],
      [ownKinds, kinds],
    ] as const) {
      for (const c of mine) {
        const before = taken.get(`${group}/${c.name}`);
        if (before) out.push(conflictDiagnostic(c, before));
      }
    }
    for (const [mine, taken] of [
      [ownResources, resources],
      [ownKinds, kinds],
    ] as const)
      for (const c of mine) if (!taken.has(`${group}/${c.name}`)) taken.set(`${group}/${c.name}`, c);
  }
  return out;
}

function conflictDiagnostic(c: ClaimedName, before: ClaimedName): Diagnostic {
  const crd = (x: ClaimedName) => `${x.owner.crd.spec.names.kind}.${x.owner.crd.spec.group}`;
  // The root of the CRD that wrote the tag, else its first version's root.
  const roots = c.owner.versions.map((v) => v.root);
  const root = roots.find((r) => tagOrigin(r, c.tag, c.value)) ?? roots[0]!;
  const at = tagOrigin(root, c.tag, c.value) ?? root.origin;
  const samePlural = c.role === "plural" && before.role === "plural";
  return {
    severity: "error",
    code: codes.duplicateCrd,
    message: samePlural
      ? `${crd(c)} and ${crd(before)} have the same plural ${c.name}, so both would be the CRD ${c.owner.crd.metadata.name}: the one installed second would replace the first.`
      : `The ${c.role} ${c.name} of ${crd(c)} is the ${before.role} of ${crd(before)}; Kubernetes would not accept the names of the CRD installed second ("${c.name}" is already in use).`,
    location: plainLocation(at),
    path: root.typeName,
    hint: samePlural
      ? "give one of them another @plural"
      : `each plural, singular and short name (and each kind and list kind) belongs to one CRD of a group: change @${c.tag}`,
  };
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
  // Compared with the storage version's root (else the first): the one the others should follow.
  const reference = list.find((i) => i.root.version.storage)?.root ?? first;
  for (const { root: other } of list) {
    if (other === reference) continue;
    for (const c of settingConflicts(reference.settings, other.settings)) {
      ok = false;
      diagnostics.push({
        severity: "error",
        code: codes.versionConflict,
        message: `Versions of ${s.kind}.${s.group} disagree on ${c.what}: ${other.settings.version} (${other.typeName}) has ${c.theirs}, but ${reference.settings.version} (${reference.typeName}, ${where(reference.origin, other.origin)}) has ${c.ours}.`,
        location: plainLocation(tagOrigin(other, c.tag) ?? other.origin),
        path: other.typeName,
        hint: `all versions of a CRD share its ${c.what}: write the same @${c.tag} on every version's root`,
      });
    }
  }
  const byVersion = new Map<string, IrRoot[]>();
  for (const { root } of list)
    byVersion.set(root.settings.version, [...(byVersion.get(root.settings.version) ?? []), root]);
  for (const [version, roots] of byVersion) {
    if (roots.length < 2) continue;
    ok = false;
    for (const again of roots.slice(1)) {
      diagnostics.push({
        severity: "error",
        code: codes.duplicateCrd,
        message: `${s.kind}.${s.group} version ${version} is declared more than once: by ${again.typeName} here and by ${roots[0]!.typeName} (${where(roots[0]!.origin, again.origin)}).`,
        location: plainLocation(again.origin),
        path: again.typeName,
        hint: "give each root its own @version, or a different @kind or @group",
      });
    }
  }
  // With a version declared twice, which root is stored cannot be told yet.
  const stored = list.length === 1 ? [list[0]!] : list.filter((i) => i.root.version.storage);
  if (byVersion.size === list.length && stored.length !== 1) {
    ok = false;
    const second = stored[1]?.root;
    diagnostics.push({
      severity: "error",
      code: codes.versionConflict,
      message:
        stored.length === 0
          ? `${s.kind}.${s.group} has ${list.length} versions (${list.map((i) => i.root.settings.version).join(", ")}) but none is tagged @storageVersion.`
          : `${s.kind}.${s.group} has more than one @storageVersion: ${stored.map((i) => `${i.root.typeName} (${i.root.settings.version})`).join(" and ")}.`,
      location: plainLocation(second ? (tagOrigin(second, "storageVersion") ?? second.origin) : first.origin),
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

interface SettingConflict {
  /** The setting, as messages name it. */
  what: string;
  /** The tag that sets it. */
  tag: string;
  ours: string;
  theirs: string;
}

/** Every CRD-level setting on which two versions' roots disagree (short names and categories as sets). */
function settingConflicts(ours: CrdSettings, theirs: CrdSettings): SettingConflict[] {
  const out: SettingConflict[] = [];
  const single: [keyof CrdSettings, string, string][] = [
    ["scope", "scope", "scope"],
    ["plural", "plural", "plural"],
    ["singular", "singular", "singular"],
  ];
  for (const [key, what, tag] of single)
    if (ours[key] !== theirs[key])
      out.push({ what, tag, ours: String(ours[key]), theirs: String(theirs[key]) });
  const lists: ["shortNames" | "categories", string, string][] = [
    ["shortNames", "short names", "shortName"],
    ["categories", "categories", "category"],
  ];
  for (const [key, what, tag] of lists) {
    const a = [...ours[key]].sort();
    const b = [...theirs[key]].sort();
    if (a.join() !== b.join()) out.push({ what, tag, ours: listText(a), theirs: listText(b) });
  }
  return out;
}

function listText(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.join(", ");
}

/** Where the first tag `name` of a root was written. */
export function tagOrigin(root: IrRoot, name: string, value?: string): SourceLocation | undefined {
  return root.tags.find((t) => t.name === name && (value === undefined || t.value === value))?.origin;
}

/** Where a root's `@annotation`/`@label` gives `key`. */
function pairOrigin(root: IrRoot, tag: string, key: string): SourceLocation | undefined {
  return root.tags.find((t) => t.name === tag && Array.isArray(t.value) && t.value[0] === key)?.origin;
}

/** Another root's place, as seen from a diagnostic at `from`: its line, or its file and line. */
function where(at: SourceLocation, from: SourceLocation): string {
  if (at.file === from.file) return `line ${at.line}`;
  const file = path.relative(path.dirname(from.file), at.file).split(path.sep).join("/");
  return `${file}:${at.line}`;
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
  const { kind, group } = roots[0]!.settings;
  // The storage version's root first: a conflict is reported at the other root, the one to change.
  const ordered = [...roots.filter((r) => r.version.storage), ...roots.filter((r) => !r.version.storage)];
  // Maps, not objects: a key such as `constructor` or `__proto__` is no different from any other.
  const merge = (pick: (r: IrRoot) => Record<string, string>, tag: "annotation" | "label") => {
    const out = new Map<string, string>();
    const from = new Map<string, IrRoot>();
    for (const r of ordered) {
      for (const [k, v] of Object.entries(pick(r))) {
        const before = out.get(k);
        const first = from.get(k);
        if (first && before !== v) {
          ok = false;
          // Versions' roots often share a type name (`v1/types.ts` and `v1beta1/types.ts` both
          // declare `Pipeline`): the versions and the tags' places tell them apart.
          const at = pairOrigin(r, tag, k) ?? r.origin;
          diagnostics.push({
            severity: "error",
            code: codes.versionConflict,
            message: `Versions of ${kind}.${group} disagree on the ${tag} ${k}: ${r.settings.version} (${r.typeName}) has "${v}", but ${first.settings.version} (${first.typeName}, ${where(pairOrigin(first, tag, k) ?? first.origin, at)}) has "${before}".`,
            location: plainLocation(at),
            path: r.typeName,
            hint: `a CRD has one set of ${tag}s for all its versions: give ${k} the same value on every root that writes it, or write it on one root only`,
          });
        }
        if (first) continue;
        out.set(k, v);
        from.set(k, r);
      }
    }
    return out.size > 0 ? Object.fromEntries(out) : undefined;
  };
  const annotations = merge((r) => r.annotations, "annotation");
  const labels = merge((r) => r.labels, "label");
  if (!ok) return undefined;
  return { ...(annotations ? { annotations } : {}), ...(labels ? { labels } : {}) };
}
