/**
 * Writes the list/map semantics and defaults decided by `CrdEvidence` into the stored
 * definitions, and reports what could not be trusted.
 */
import type { JsonValue } from "../../src/schema/types.js";
import type { StoredDefinition, StoredSchema } from "../../src/read/kubernetes/data-format.js";
import { APPLIED_KEYWORDS, type AppliedKeyword, type CrdEvidence } from "./crd-evidence.js";

export interface EvidenceReport {
  /** `keyword basis` → how many nodes got a value that way. */
  applied: Record<string, number>;
  /** Corpus values that lost the vote. */
  conflicts: string[];
  /** Values taken from the corpus (no authoritative source covered them), with their sources. */
  fromCorpus: string[];
  /** Places where CRDs and kubernetes-models disagree on Quantity / IntOrString. */
  intOrStringMismatches: string[];
  /** Lists and maps no CRD showed (they keep no list/map type). */
  unobserved: string[];
}

const INT_OR_STRING_TYPES = new Set(["IntOrString", "Quantity"]);

export function applyEvidence(
  definitions: Record<string, StoredDefinition>,
  evidence: CrdEvidence,
): EvidenceReport {
  const report: EvidenceReport = {
    applied: {},
    fromCorpus: [],
    conflicts: [],
    intOrStringMismatches: [],
    unobserved: [],
  };

  const apply = (key: string, node: StoredSchema, keywords: readonly AppliedKeyword[]): void => {
    for (const keyword of keywords) {
      const decision = evidence.decide(key, keyword);
      for (const lost of decision.conflicts) {
        report.conflicts.push(
          `${key}: ${keyword} ${JSON.stringify(decision.value)} over ${JSON.stringify(lost)}`,
        );
      }
      if (decision.value === undefined) continue;
      if (!setKeyword(node, keyword, decision.value)) {
        report.conflicts.push(`${key}: ignored malformed ${keyword} ${JSON.stringify(decision.value)}`);
        continue;
      }
      if (decision.basis === "corpus") {
        const sources = [...new Set(decision.sources)];
        report.fromCorpus.push(
          `${key}: ${keyword} ${JSON.stringify(decision.value)} (${sources.join(", ")})`,
        );
      }
      const tallyKey = `${keyword} ${decision.basis}`;
      report.applied[tallyKey] = (report.applied[tallyKey] ?? 0) + 1;
    }
  };

  const visitField = (key: string, node: StoredSchema): void => {
    if (node.$ref !== undefined && Object.hasOwn(definitions, node.$ref)) {
      apply(key, node, ["default"]);
      return;
    }
    apply(key, node, APPLIED_KEYWORDS);
    checkIntOrString(key, node);
    if ((node.type === "array" || node.additionalProperties) && !evidence.isObserved(key))
      report.unobserved.push(key);
    if (node.items) visitField(`${key}[]`, node.items);
    if (node.additionalProperties) visitField(`${key}{}`, node.additionalProperties);
  };

  const checkIntOrString = (key: string, node: StoredSchema): void => {
    const decision = evidence.decide(key, "x-kubernetes-int-or-string");
    if (decision.basis !== "authoritative" && decision.basis !== "corpus") return;
    const seen = decision.value === true;
    const stored = node.$ref !== undefined && INT_OR_STRING_TYPES.has(node.$ref);
    if (seen !== stored) {
      const sources = [...new Set(decision.sources)].join(", ");
      report.intOrStringMismatches.push(
        `${key}: CRDs ${seen ? "int-or-string" : "plain"} (${sources}), stored ${node.$ref ?? node.type}`,
      );
    }
  };

  for (const [name, definition] of Object.entries(definitions)) {
    if (!definition.schema.properties) continue;
    apply(name, definition.schema, ["x-kubernetes-map-type"]);
    for (const [property, node] of Object.entries(definition.schema.properties))
      visitField(`${name} ${property}`, node);
  }
  return report;
}

function setKeyword(node: StoredSchema, keyword: AppliedKeyword, value: JsonValue): boolean {
  switch (keyword) {
    case "x-kubernetes-list-type":
    case "x-kubernetes-map-type":
      if (typeof value !== "string") return false;
      node[keyword] = value;
      return true;
    case "x-kubernetes-list-map-keys":
      if (!Array.isArray(value) || !value.every((key) => typeof key === "string")) return false;
      node[keyword] = value as string[];
      return true;
    case "default":
      node.default = value;
      return true;
  }
}
