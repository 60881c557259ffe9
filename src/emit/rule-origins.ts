/**
 * Where each CEL rule of a schema was written: the tag (`@validation`, `@immutable`,
 * `@exactlyOneOf`...) that wrote it. Kubernetes reports a bad rule (a `fieldPath` naming nothing,
 * a `messageExpression` that does not compile, a rule over the cost budget) at the rule's place in
 * the schema, and a rule on a named type is in the schema once per use of the type: the
 * place to show is the tag. Rules are told apart by identity: the emitter puts a tag's rule
 * object into the draft, and every transform carries rule objects along as they are (spreading
 * the lists that hold them), so no annotation needs to ride through the schema.
 */
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { ValidationRule } from "../schema/types.js";
import type { DraftSchema } from "./draft.js";
import { followSchemaPath } from "../../transforms/origins.js";

const RULES = "x-kubernetes-validations";

/** Rules by the tag that wrote them. Weak: a watch session's old rules go with their schemas. */
const written = new WeakMap<ValidationRule, SourceLocation>();

/** Notes that the rules `schema` holds past its first `before` were written by a tag at `origin`. */
export function noteRuleOrigins(schema: DraftSchema, before: number, origin: SourceLocation): void {
  const rules = schema[RULES];
  if (!rules) return;
  for (let i = before; i < rules.length; i++) written.set(rules[i]!, origin);
}

/** How many rules `schema` holds (what `noteRuleOrigins` is given before a tag applies). */
export function ruleCount(schema: DraftSchema): number {
  return schema[RULES]?.length ?? 0;
}

/** The tag that wrote `rule`, when a tag did. */
export function ruleOrigin(rule: ValidationRule): SourceLocation | undefined {
  return written.get(rule);
}

/** `.properties[spec].items.x-kubernetes-validations[2].fieldPath` → the node's path, and 2. */
const RULE_PATH = /^(.*?)\.x-kubernetes-validations\[(\d+)\]/;

/** An error about a rule a tag wrote: the rule, its tag, and the part of the rule it is about (`.fieldPath`). */
export interface RuleError {
  rule: ValidationRule;
  origin: SourceLocation;
  about: string;
}

/**
 * What an error at `path` (below `openAPIV3Schema` of `schema`, the annotated schema the path was
 * validated as) is about, when it is a rule a tag wrote.
 */
export function ruleErrorAt(schema: DraftSchema, path: string): RuleError | undefined {
  const m = RULE_PATH.exec(path);
  if (!m) return undefined;
  const rule = ruleAt(schema, m[1]!, Number(m[2]));
  const origin = rule && ruleOrigin(rule);
  return rule && origin && { rule, origin, about: path.slice(m[0].length) };
}

/**
 * Says each rule's error once: a type used in several places (or several versions, or CRDs)
 * gives the same error at each, all at the one tag.
 */
export class RuleErrorsSeen {
  private readonly seen = new Map<ValidationRule, Set<string>>();

  /** Whether `error` is the first to say `what` (Kubernetes' words past the path) of its part of the rule. */
  first(error: RuleError, what: string): boolean {
    let kinds = this.seen.get(error.rule);
    if (!kinds) this.seen.set(error.rule, (kinds = new Set()));
    const key = `${error.about}|${what}`;
    if (kinds.has(key)) return false;
    kinds.add(key);
    return true;
  }
}

/** Rule `index` of the node at `nodePath` in `schema`. */
function ruleAt(schema: DraftSchema, nodePath: string, index: number): ValidationRule | undefined {
  return followSchemaPath(schema, nodePath)?.[RULES]?.[index];
}
