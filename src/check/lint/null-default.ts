/**
 * `default: null` or `example: null`. The API server decodes both keywords into pointers, which a
 * JSON null leaves nil: it accepts the CRD and stores it without them. The keyword does nothing,
 * and a GitOps tool (Argo CD, Flux) comparing the applied CRD with the stored one reports the
 * difference for ever (kube-rs users met it with schemars' `default: null` on `Option` fields).
 */
import type { LintRule } from "./rule.js";

const KEYWORDS = ["default", "example"] as const;

export const nullDefault: LintRule = {
  name: "null-default",
  keys: KEYWORDS,
  node({ node }, report) {
    for (const keyword of KEYWORDS) {
      if (node[keyword] !== null) continue;
      report(
        [keyword],
        "key",
        `${keyword}: null is no ${keyword}: the API server reads it as none and stores the CRD without it, so GitOps tools (Argo CD, Flux) report the applied CRD out of sync.`,
        `remove ${keyword}: null${keyword === "default" ? " (an unset field stays unset)" : ""}`,
      );
    }
  },
};
