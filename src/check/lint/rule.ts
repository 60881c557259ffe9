/**
 * The shape of a lint rule of `crdgen check`: a check of a CRD that Kubernetes accepts but that
 * does not do what its author meant. Rules are visitors, so that one walk of each schema serves
 * them all (the corpus has 27 MB of schemas; a walk per rule would cost as much again).
 */
import type { PositionTarget } from "../../yaml/load.js";
import type { Segment } from "../positions.js";

export type RawNode = Readonly<Record<string, unknown>>;

/** One schema node, as the walk reaches it. */
export interface SchemaVisit {
  node: RawNode;
  /**
   * The type that applies to the node's keywords: its own, or, in an `allOf`/`anyOf`/`oneOf`/`not`
   * branch (which may not set a type), the type of the node that holds the branch.
   */
  type: string | undefined;
  /** Whether `x-kubernetes-int-or-string: true` applies likewise (the node's values are integers or strings). */
  intOrString: boolean;
  /** The node whose `properties` the keywords refer to: the node itself, or the one holding the branch. */
  owner: RawNode;
  /** Whether the node is a branch of a value validation. */
  branch: boolean;
  /** Whether the node is under a `not`, where a condition that never holds makes the whole true. */
  negated: boolean;
  /** Whether `owner` is a resource's root (the CRD's, or an embedded resource's): it keeps apiVersion, kind and metadata. */
  resourceRoot: boolean;
  /** Whether the node is a resource's metadata or under it, which Kubernetes prunes and checks as ObjectMeta. */
  objectMeta: boolean;
}

/** One version of a CRD, for the rules about its envelope (printer columns). */
export interface VersionVisit {
  version: RawNode;
  /** The version's openAPIV3Schema. */
  schema: RawNode;
}

/**
 * Reports a problem at `rel` (segments below the visited node or version) pointing at its key or
 * its value. `hint` says what to change: every warning of the lint has one.
 */
export type Report = (rel: readonly Segment[], target: PositionTarget, message: string, hint: string) => void;

export interface LintRule {
  /** The rule's name, given as the finding's `type`. */
  readonly name: string;
  /** The schema keywords whose presence on a node calls `node` (most nodes have none of them). */
  readonly keys?: readonly string[];
  node?(visit: SchemaVisit, report: Report): void;
  version?(visit: VersionVisit, report: Report): void;
}
