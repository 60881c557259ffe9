/**
 * Kubernetes' list and map semantics (`x-kubernetes-list-type`, `-list-map-keys`, `-map-type`)
 * and field defaults come from `+listType`/`+mapType`/`+default` markers in k8s.io/api. No
 * package on npm carries them for a recent release (the OpenAPI documents that do are not
 * published there), so they are read back from CRDs that embed Kubernetes types: controller-gen
 * copies the markers into every CRD it writes.
 *
 * A CRD node is taken to be a Kubernetes type when its property names are a large subset of
 * that type's ("anchoring"); from there the stored definition is walked alongside the CRD node,
 * so each field's evidence is filed under the exact definition and field it belongs to, however
 * deep or small that type is. A source marked authoritative (the controller-gen golden file,
 * generated from the same Kubernetes release) decides every field it covers, absence included;
 * elsewhere the most frequent value wins, and absence is no evidence (older generators and
 * Kubernetes releases simply lacked the markers).
 */
import type { JsonValue } from "../../src/schema/types.js";
import type { StoredDefinition, StoredSchema } from "../../src/read/kubernetes/data-format.js";

export interface CrdSource {
  /** Printed in reports, e.g. the file name. */
  name: string;
  authoritative: boolean;
  /** Every `openAPIV3Schema` of the CRD. */
  schemas: CrdNode[];
}

/** A schema node as found in a CRD (parsed YAML); only the keys read here are typed. */
export interface CrdNode {
  properties?: Record<string, CrdNode>;
  items?: CrdNode;
  additionalProperties?: CrdNode | boolean;
  anyOf?: CrdNode[];
  allOf?: CrdNode[];
  oneOf?: CrdNode[];
  [keyword: string]: unknown;
}

/** Keywords read at a field (or one of its nested items / values). */
const FIELD_KEYWORDS = [
  "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-map-type",
  "default",
  // Not applied: checked against kubernetes-models' Quantity / IntOrString references.
  "x-kubernetes-int-or-string",
  "pattern",
] as const;
/** Keywords of a struct type itself (`+structType=atomic`). */
const DEFINITION_KEYWORDS = ["x-kubernetes-map-type"] as const;

export const APPLIED_KEYWORDS = [
  "x-kubernetes-list-type",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-map-type",
  "default",
] as const;
export type AppliedKeyword = (typeof APPLIED_KEYWORDS)[number];

type Keyword = (typeof FIELD_KEYWORDS)[number];

interface Observation {
  source: string;
  authoritative: boolean;
  /** Property count of the type the walk started from (see STRONG_ANCHOR_PROPERTIES). */
  anchorSize: number;
  values: Partial<Record<Keyword, JsonValue>>;
}

/**
 * CRDs often carry their own look-alike of a small Kubernetes type with their own defaults
 * (prometheus-operator's ParentReference defaults `group` to its API group). A default is only
 * believed when the walk started at a type this large, which no CRD re-declares by hand.
 */
const STRONG_ANCHOR_PROPERTIES = 8;

/**
 * A node matching this many equally good types (every resource's `{apiVersion, kind, metadata,
 * spec, status}`) says nothing about which one it is.
 */
const ANCHOR_MAX_TIES = 3;
/** Anchoring needs this many properties: smaller shapes (`{name}`, `{key, name}`) are too common. */
const ANCHOR_MIN_PROPERTIES = 4;
/** ...and must cover this share of the type's properties (older releases lack the newest fields). */
const ANCHOR_MIN_COVERAGE = 0.6;

/**
 * Where evidence is filed: a definition name, then a path inside it of property names and `[]`
 * (list items) / `{}` (map values) steps, e.g. `V1PodSpec` `containers`, `V1Probe` `exec`.
 */
type EvidenceKey = string;

export class CrdEvidence {
  private readonly observations = new Map<EvidenceKey, Observation[]>();
  private readonly definitionProperties: Map<string, Set<string>>;
  private readonly definitionsByProperty = new Map<string, string[]>();
  anchoredNodes = 0;

  constructor(private readonly definitions: Readonly<Record<string, StoredDefinition>>) {
    this.definitionProperties = new Map(
      Object.entries(definitions).map(([name, definition]) => [
        name,
        new Set(Object.keys(definition.schema.properties ?? {})),
      ]),
    );
    for (const [name, properties] of this.definitionProperties) {
      // A whole resource (a CRD's own root looks like one) is not what CRDs embed.
      if (properties.size < ANCHOR_MIN_PROPERTIES || isResource(properties)) continue;
      for (const property of properties) {
        const names = this.definitionsByProperty.get(property) ?? [];
        names.push(name);
        this.definitionsByProperty.set(property, names);
      }
    }
  }

  read(source: CrdSource): void {
    const claimed = new Set<CrdNode>();
    for (const schema of source.schemas) this.anchorWithin(schema, source, claimed);
  }

  /** Top-down, so an embedding type claims its nodes before a smaller look-alike can. */
  private anchorWithin(node: CrdNode, source: CrdSource, claimed: Set<CrdNode>): void {
    if (claimed.has(node)) return;
    for (const name of this.anchorsFor(node)) {
      this.anchoredNodes++;
      const anchorSize = this.definitionProperties.get(name)?.size ?? 0;
      this.observeDefinition(name, node, { ...source, anchorSize }, claimed);
    }
    for (const child of childNodes(node)) this.anchorWithin(child, source, claimed);
  }

  /** The definitions whose properties best contain the node's; several when they tie. */
  private anchorsFor(node: CrdNode): string[] {
    const names = Object.keys(node.properties ?? {});
    if (names.length < ANCHOR_MIN_PROPERTIES) return [];
    const shared = new Map<string, number>();
    for (const property of names) {
      for (const definition of this.definitionsByProperty.get(property) ?? []) {
        shared.set(definition, (shared.get(definition) ?? 0) + 1);
      }
    }
    let best: string[] = [];
    let bestCoverage = ANCHOR_MIN_COVERAGE;
    for (const [definition, count] of shared) {
      const size = this.definitionProperties.get(definition)?.size ?? Infinity;
      if (count < names.length) continue;
      const coverage = count / size;
      if (coverage > bestCoverage) {
        best = [definition];
        bestCoverage = coverage;
      } else if (coverage === bestCoverage) {
        best.push(definition);
      }
    }
    return best.length > ANCHOR_MAX_TIES ? [] : best.sort();
  }

  private observeDefinition(
    name: string,
    node: CrdNode,
    source: AnchoredSource,
    claimed: Set<CrdNode>,
  ): void {
    claimed.add(node);
    const definition = this.definitions[name];
    if (!definition) return;
    this.record(name, node, DEFINITION_KEYWORDS, source);
    for (const [property, stored] of Object.entries(definition.schema.properties ?? {})) {
      const child = node.properties?.[property];
      if (child) this.observeField(`${name} ${property}`, stored, child, source, claimed);
    }
  }

  private observeField(
    key: EvidenceKey,
    stored: StoredSchema,
    node: CrdNode,
    source: AnchoredSource,
    claimed: Set<CrdNode>,
  ): void {
    claimed.add(node);
    if (stored.$ref !== undefined && Object.hasOwn(this.definitions, stored.$ref)) {
      // Map-type on a struct belongs to the struct's type; only a default is the field's own.
      this.record(key, node, ["default"], source);
      this.observeDefinition(stored.$ref, node, source, claimed);
      return;
    }
    this.record(key, node, FIELD_KEYWORDS, source);
    if (stored.items && isNode(node.items))
      this.observeField(`${key}[]`, stored.items, node.items, source, claimed);
    if (stored.additionalProperties && isNode(node.additionalProperties)) {
      this.observeField(`${key}{}`, stored.additionalProperties, node.additionalProperties, source, claimed);
    }
  }

  private record(
    key: EvidenceKey,
    node: CrdNode,
    keywords: readonly Keyword[],
    source: AnchoredSource,
  ): void {
    const values: Partial<Record<Keyword, JsonValue>> = {};
    for (const keyword of keywords) {
      if (node[keyword] !== undefined) values[keyword] = node[keyword] as JsonValue;
    }
    const list = this.observations.get(key) ?? [];
    list.push({
      source: source.name,
      authoritative: source.authoritative,
      anchorSize: source.anchorSize,
      values,
    });
    this.observations.set(key, list);
  }

  /** The value to store for `keyword` at `key`, or undefined for none. */
  decide(key: EvidenceKey, keyword: Keyword): Decision {
    const observations = this.observations.get(key) ?? [];
    const authoritative = observations.find((observation) => observation.authoritative);
    if (authoritative) {
      return {
        value: authoritative.values[keyword],
        basis: "authoritative",
        sources: [authoritative.source],
        conflicts: [],
      };
    }
    const tally = new Map<string, { value: JsonValue; sources: string[] }>();
    for (const observation of observations) {
      const value = observation.values[keyword];
      if (value === undefined) continue;
      if (keyword === "default" && observation.anchorSize < STRONG_ANCHOR_PROPERTIES) continue;
      const id = JSON.stringify(value);
      const entry = tally.get(id) ?? { value, sources: [] };
      entry.sources.push(observation.source);
      tally.set(id, entry);
    }
    const ranked = [...tally.values()].sort((a, b) => b.sources.length - a.sources.length);
    const [winner] = ranked;
    return {
      value: winner?.value,
      basis: winner ? "corpus" : observations.length > 0 ? "observed-absent" : "unobserved",
      sources: winner?.sources ?? [],
      conflicts: ranked.slice(1).map((entry) => entry.value),
    };
  }

  isObserved(key: EvidenceKey): boolean {
    return this.observations.has(key);
  }
}

type AnchoredSource = CrdSource & { anchorSize: number };

export interface Decision {
  value: JsonValue | undefined;
  /** authoritative: the golden file; corpus: most frequent value; observed-absent / unobserved: none. */
  basis: "authoritative" | "corpus" | "observed-absent" | "unobserved";
  /** The CRD files that showed the value. */
  sources: string[];
  /** Other values the corpus had (not taken). */
  conflicts: JsonValue[];
}

function isResource(properties: Set<string>): boolean {
  return properties.has("apiVersion") && properties.has("kind") && properties.has("metadata");
}

function isNode(value: unknown): value is CrdNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function childNodes(node: CrdNode): CrdNode[] {
  const children: CrdNode[] = [...Object.values(node.properties ?? {})];
  if (isNode(node.items)) children.push(node.items);
  if (isNode(node.additionalProperties)) children.push(node.additionalProperties);
  for (const junctor of [node.anyOf, node.allOf, node.oneOf])
    children.push(...(junctor ?? []).filter(isNode));
  return children;
}
