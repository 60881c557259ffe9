/** The three shapes a rule can take, by the level of the CRD it compares. */
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionVersion,
  JSONSchemaProps,
} from "../../schema/types.js";
import type { Holder } from "../default-fill.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";

/** Compares two CRDs matched by name; `at` is the CRD root. */
export interface CrdRule {
  check(old: CustomResourceDefinition, neu: CustomResourceDefinition, at: FieldPath, report: Report): void;
}

/** Compares two versions matched by name; `at` is `spec.versions[<name>]`. */
export interface VersionRule {
  check(
    old: CustomResourceDefinitionVersion,
    neu: CustomResourceDefinitionVersion,
    at: FieldPath,
    report: Report,
  ): void;
}

/** Compares the keywords of one pair of schema nodes; children are walked elsewhere. */
export interface SchemaRule {
  /** The schema keywords this rule looks at; keywords no rule claims are reported generically. */
  keywords: readonly (keyof JSONSchemaProps)[];
  /** `holder` is the new side's object holding the node as a property or as its map values, if any. */
  check(old: JSONSchemaProps, neu: JSONSchemaProps, at: FieldPath, report: Report, holder?: Holder): void;
}
