/**
 * Documents as kubectl and Helm send them to the API server. Both read YAML with
 * sigs.k8s.io/yaml (go-yaml v2, YAML 1.1), so an unquoted `on`, `no` or `0777` reaches the
 * cluster as `true`, `false` or `511`, where crdgen's YAML 1.2 reading sees `"on"`, `"no"` and
 * `777`. `crdgen diff` compares these values: quoting `enum: [on, off]` changes the CRD the
 * cluster gets, and a diff of YAML 1.2 readings would call it no change.
 *
 * The scalars that read differently are those the loader already finds for CRD2002 (yaml11.ts),
 * so a stream without any keeps its values as read; only a stream with some is read again,
 * from its syntax tree, with kubectl's reading of those scalars and its merge keys.
 */
import { Scalar, type Document } from "yaml";
import type { YamlLoadResult } from "./load.js";
import { toJsWithMerges } from "./merge-keys.js";
import { kubectlReading, type Yaml11Difference } from "./yaml11.js";

/** The plain scalars of the stream that kubectl reads otherwise than YAML 1.2 (merge keys aside, which the values already apply). */
export function kubectlDifferences(loaded: YamlLoadResult): Yaml11Difference[] {
  return loaded
    .yaml11Differences()
    .filter((d) => d.yaml11Value !== "merge" && kubectlReading(d.source) !== undefined);
}

/** The value of each document of `loaded` (in order) as kubectl sends it. */
export function kubectlValues(loaded: YamlLoadResult): unknown[] {
  if (kubectlDifferences(loaded).length === 0) return loaded.documents.map((d) => d.value);
  return loaded.documents.map((d) => toJsWithMerges(d.doc, (scalar) => readLikeKubectl(scalar, d.doc)));
}

function readLikeKubectl(scalar: Scalar, doc: Document.Parsed): unknown {
  // Quoted or tagged scalars mean what they say in every reader.
  if (scalar.type === Scalar.PLAIN && scalar.tag === undefined && typeof scalar.source === "string") {
    const reading = kubectlReading(scalar.source);
    if (reading !== undefined) return reading;
  }
  return scalar.toJS(doc);
}
