/**
 * Parity with Zalando postgres-operator's `postgresql` CRD as kopium's test data keeps it
 * (corpus/crds/kopium/acid.zalan.do_postgresqls.yaml), a CRD written by hand rather than generated:
 * fixtures/zalando-postgresql/ ports the whole envelope and a subset of the schema (SUBSET below),
 * to which the original is cut before portTests compares the two leaf by leaf. What it covers that
 * the other ports do not: a lower-case kind, eight printer columns (one into a map of strings), a
 * status that is a map, enums of version strings, `pattern`s on quantities, CIDRs, cron schedules
 * and times, lists that are `nullable`, lists and maps of `x-kubernetes-preserve-unknown-fields`
 * objects, maps of maps, and an exactly-one `oneOf` with no "none" branch.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe } from "vitest";
import { portTests, type KnownDifference, type Subset } from "./parity.js";

const SUBSET: Subset = {
  apiVersion: true,
  kind: true,
  spec: {
    teamId: true,
    numberOfInstances: true,
    postgresql: true,
    volume: true,
    resources: true,
    users: true,
    databases: true,
    standby: true,
    clone: true,
    allowedSourceRanges: true,
    maintenanceWindows: true,
    additionalVolumes: true,
    sidecars: true,
    tolerations: true,
    enableLogicalBackup: true,
    logicalBackupSchedule: true,
    dockerImage: true,
    connectionPooler: true,
    preparedDatabases: true,
    init_containers: true,
    pod_priority_class_name: true,
    useLoadBalancer: true,
  },
  status: true,
};

const TYPE_META_REASON =
  'the root declares `apiVersion: "acid.zalan.do/v1"` and `kind: "postgresql"` (required literals), and crdgen writes ' +
  "apiVersion, kind and metadata in their standard form whatever the root declares, as controller-gen does (README, " +
  "Declaring a CRD). A shape TypeScript should not produce: the API server refuses a body whose apiVersion or kind " +
  "is not the endpoint's before the schema is read, so the enums and `required` check nothing; `crdgen diff` reads " +
  "the two spellings as the same API";

const KNOWN_DIFFERENCES: KnownDifference[] = [
  { path: "v1:apiVersion#enum", expected: '["acid.zalan.do/v1"]', reason: TYPE_META_REASON },
  { path: "v1:kind#enum", expected: '["postgresql"]', reason: "as apiVersion#enum" },
  { path: "v1:#required[kind]", expected: "true", reason: "as apiVersion#enum" },
  { path: "v1:#required[apiVersion]", expected: "true", reason: "as apiVersion#enum" },
  {
    path: "v1:metadata#type",
    actual: '"object"',
    reason:
      "crdgen adds `metadata: {type: object}` to every root schema, as controller-gen does; the hand-written CRD " +
      "leaves it out (the API server validates metadata itself), and no tag leaves it out",
  },
];

describe("Zalando's postgresql, a subset ported from its hand-written CRD", () => {
  portTests({
    fixture: "zalando-postgresql",
    original: "kopium/acid.zalan.do_postgresqls.yaml",
    owner: "Zalando's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 180,
    subset: () => SUBSET,
    subsetLeaves: { versions: ["v1"], min: 100, max: 200 },
  });

  // A root's `kind: "postgresql"` without `@kind postgresql` is an error (CRD1022), whose hint is that
  // tag: test/read/root-literals.test.ts.
});
