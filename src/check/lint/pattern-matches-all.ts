/**
 * A `pattern` that every string matches. Kubernetes looks for a match anywhere in the value, so a
 * pattern without anchors that matches the empty string (`[a-z0-9-]*`, `.*`, `(v[0-9]+)?`) finds
 * one at the start of any string, and checks nothing. Only such patterns are flagged: whether an
 * unanchored pattern that needs some text (`[a-z]+`) was meant to match the whole value is the
 * author's to say.
 */
import { anchoredPattern, matchesEveryString } from "../../validate/value/patterns.js";
import type { LintRule } from "./rule.js";

export const patternMatchesAll: LintRule = {
  name: "pattern-matches-all",
  keys: ["pattern"],
  node({ node }, report) {
    const pattern = node["pattern"];
    if (typeof pattern !== "string" || !matchesEveryString(pattern)) return;
    report(
      ["pattern"],
      "value",
      `pattern ${JSON.stringify(pattern)} matches every string: Kubernetes looks for a match anywhere in the value, and this one matches the empty text at its start.`,
      `anchor it to match the whole value: ${anchoredPattern(pattern)}`,
    );
  },
};
