/**
 * CRDs of one name given twice: a chart's `crds/` folder beside the output of `kustomize build`,
 * or an old copy of a CRD left beside its upgrade. The cluster keeps one, the last applied
 * (`kubectl apply -f` goes through the files in order), so custom resources are checked against
 * that one; copies whose specs differ are a warning, as which one counts is then a choice.
 */
import { codes } from "../diagnostics/codes.js";
import { decodeCrdForCreate } from "../validate/decode/crd.js";
import { jsonEqual } from "../validate/json.js";
import type { Finding } from "./finding.js";
import { positionIn, type CheckedObject } from "./load.js";

/** A checked CRD as kept for what comes after the checks: its name, and the CRD when asked. */
export interface HeldCrd {
  file: string;
  name: string | undefined;
  /** The CRD: kept, or read again from its file's text (see check.ts). */
  object: () => CheckedObject;
}

export function heldCrd(crd: CheckedObject, object: () => CheckedObject): HeldCrd {
  return { file: crd.file, name: nameOf(crd), object };
}

export interface DistinctCrds {
  /** One CRD for each name, the last given (in the order checked), for matching custom resources. */
  crds: HeldCrd[];
  /** A warning at each CRD whose spec differs from an earlier one of its name. */
  findings: Finding[];
}

function nameOf(crd: CheckedObject): string | undefined {
  const name = (crd.value as { metadata?: { name?: unknown } } | null)?.metadata?.name;
  return typeof name === "string" && name !== "" ? name : undefined;
}

/**
 * The spec as the API server keeps it: defaulted (a copy saved by `kubectl get -o yaml` has the
 * `conversion: {strategy: None}`, `listKind` and `singular` its source leaves out), and without
 * the CA bundle a cainjector writes into the cluster's copy.
 */
function specOf(crd: CheckedObject): unknown {
  const { spec } = decodeCrdForCreate(crd.value).crd;
  const { conversion } = spec;
  const clientConfig = conversion?.webhookClientConfig;
  return clientConfig
    ? { ...spec, conversion: { ...conversion, webhookClientConfig: { ...clientConfig, caBundle: "" } } }
    : spec;
}

/** `shown` names a file in a message (relative to where crdgen runs). */
export function distinctCrds(all: readonly HeldCrd[], shown: (file: string) => string): DistinctCrds {
  const last = new Map<string, HeldCrd>();
  const findings: Finding[] = [];
  const unnamed: HeldCrd[] = [];
  for (const crd of all) {
    const { name } = crd;
    if (name === undefined) {
      unnamed.push(crd);
      continue;
    }
    const earlier = last.get(name);
    // Status and metadata (a copy saved by `kubectl get -o yaml`) do not change what is served.
    // Read and decoded only for a name given twice: most runs have none.
    if (earlier) {
      const [before, now] = [earlier.object(), crd.object()];
      if (!jsonEqual(specOf(before), specOf(now))) findings.push(differs(now, before, name, shown));
    }
    last.set(name, crd);
  }
  return { crds: [...last.values(), ...unnamed], findings };
}

function differs(
  crd: CheckedObject,
  earlier: CheckedObject,
  name: string,
  shown: (file: string) => string,
): Finding {
  const at = positionIn(earlier, []);
  return {
    file: crd.file,
    // At the document's start, as CRD2007: a key's position needs the stream's syntax tree, which
    // costs seconds in a bundle of many CRDs.
    ...positionIn(crd, []),
    severity: "warning",
    code: codes.crdGivenTwice,
    path: "metadata.name",
    type: "DuplicateCRD",
    message:
      `CustomResourceDefinition ${name} is also defined at ${shown(earlier.file)}:${at.line}:${at.column}, with another spec: ` +
      "custom resources are checked against this one, the last, which `kubectl apply` of these files leaves in the cluster",
  };
}
