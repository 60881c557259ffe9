/**
 * controller-gen's one-of markers as tags: `@atMostOneOf a,b`, `@exactlyOneOf a,b` and
 * `@atLeastOneOf a,b` become CEL rules with controller-gen's exact rule and message text. Each
 * rule remembers the group it was made from (by identity, as rule-origins does for the tag's
 * place), so that transforms/one-of-fields.ts can check the names against the object's
 * properties once they are known, and say which name is wrong before CEL does.
 */
import type { DraftSchema } from "../emit/draft.js";
import type { ValidationRule } from "../schema/types.js";
import { escapeCelName } from "../validate/cel/escaping.js";
import { fail, ok } from "./parse.js";
import { defineTag, type RegisteredTag, type TagParseResult, type TagTarget } from "./registry.js";

export type OneOfTagName = "atMostOneOf" | "exactlyOneOf" | "atLeastOneOf";

/** The fields of one one-of tag, as the rule made from it names them. */
export interface OneOfGroup {
  tag: OneOfTagName;
  names: readonly string[];
}

/** Groups by the rule made from them. Weak: a watch session's old rules go with their schemas. */
const groups = new WeakMap<ValidationRule, OneOfGroup>();

/** The one-of group `rule` was made from, when a one-of tag made it. */
export function oneOfGroup(rule: ValidationRule): OneOfGroup | undefined {
  return groups.get(rule);
}

/** Names CEL can reach (with apiserver escaping for `-`, `.`, `/`). */
const PROPERTY_NAME = /^[A-Za-z_][\w\-./]*$/;

/**
 * `a,b` (or controller-gen's `a;b`): the fields of one one-of group, in the order given. Names
 * separated by spaces instead (`a b`, `a, b c`) are an error whose hint is the tag with commas.
 */
function parseFieldList(tag: OneOfTagName) {
  return (text: string): TagParseResult<string[]> => {
    const names = text
      .split(/[,;]/)
      .map((n) => n.trim())
      .filter((n) => n !== "");
    const problem = listProblem(text, names);
    if (problem === undefined) return ok(names);
    // Documentation below the tag (a second line) is the tag reader's to report (tags/documentation-below.ts).
    const meant = text.trim().includes("\n") ? undefined : spacedList(text);
    return fail(
      problem.message,
      meant !== undefined ? `write @${tag} ${meant.join(",")}` : problem.hint?.(tag),
    );
  };
}

/** A group's names written on one line with spaces or commas (`a b`, `a, b c`), if they make one. */
function spacedList(line: string): string[] | undefined {
  const names = line.split(/[\s,;]+/).filter((n) => n !== "");
  return listProblem(line, names) === undefined ? names : undefined;
}

/** What is wrong with `names` as one group's fields, if anything. */
function listProblem(
  text: string,
  names: readonly string[],
): { message: string; hint?: (tag: OneOfTagName) => string } | undefined {
  if (names.length < 2)
    return {
      message: `expects two or more field names separated by commas, got "${text.trim()}"`,
      hint: (tag) => `write e.g. @${tag} image,imageRef`,
    };
  const bad = names.find((n) => !PROPERTY_NAME.test(n));
  if (bad !== undefined) return { message: `expects property names, got "${bad}"` };
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated !== undefined) return { message: `names ${repeated} twice` };
  return undefined;
}

/** 1 for each of `names` that is set, summed: `(has(self.a)?1:0)+(has(self.b)?1:0)`. */
function countSet(names: readonly string[]): string {
  return names.map((n) => `(has(self.${escapeCelName(n) ?? n})?1:0)`).join("+");
}

/** controller-gen prints the group as a Go slice: `[a b]`. */
function listed(names: readonly string[]): string {
  return `[${names.join(" ")}]`;
}

/** The CEL rule of each one-of tag, with controller-gen's exact rule and message text. */
const oneOfRules: Record<OneOfTagName, (names: readonly string[]) => ValidationRule> = {
  atMostOneOf: (names) => ({
    rule: `${countSet(names)} <= 1`,
    message: `at most one of the fields in ${listed(names)} may be set`,
  }),
  exactlyOneOf: (names) => ({
    rule: `${countSet(names)} == 1`,
    message: `exactly one of the fields in ${listed(names)} must be set`,
  }),
  atLeastOneOf: (names) => ({
    rule: names.map((n) => `has(self.${escapeCelName(n) ?? n})`).join("||"),
    message: `at least one of the fields in ${listed(names)} must be set`,
  }),
};

function addRule(s: DraftSchema, tag: OneOfTagName, names: readonly string[]): void {
  const rule = oneOfRules[tag](names);
  groups.set(rule, { tag, names });
  s["x-kubernetes-validations"] = [...(s["x-kubernetes-validations"] ?? []), rule];
}

export function oneOfTag(tag: OneOfTagName, targets: readonly TagTarget[], summary: string): RegisteredTag {
  return defineTag<string[]>({
    name: tag,
    targets,
    summary,
    syntax: `@${tag} <field>,<field>[,...]`,
    repeatable: true,
    parse: parseFieldList(tag),
    schema: (s, names) => addRule(s, tag, names),
  });
}
