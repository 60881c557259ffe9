/**
 * Parity with Flux's OCIRepository CRD
 * (corpus/crds/flux-source-controller/source.toolkit.fluxcd.io_ocirepositories.yaml, written by
 * controller-gen v0.21.0): fixtures/flux-ocirepository/types.ts ports the whole CRD from its Go
 * types. What it covers that the other ports do not: two duration patterns on one spec (`interval`
 * with hours, `timeout` without) written on `Duration` fields, a duration with a quoted
 * `@default "60s"` (a bare `60s` is refused with a hint to quote it, as `100Mi` is), an enum with a default on a required field (`verify.provider`), a pattern
 * holding `(?:...)` and `*` (the artifact digest), four printer columns in an order that is not
 * the alphabetical one, and one object type (OCILayerSelector) used in spec and status.
 *
 * Whatever differs is listed with its reason and asserted exactly.
 */
import { describe } from "vitest";
import { portTests, type KnownDifference } from "./parity.js";

const KNOWN_DIFFERENCES: KnownDifference[] = [];

describe("Flux's OCIRepository, ported from its Go types", () => {
  portTests({
    fixture: "flux-ocirepository",
    original: "flux-source-controller/source.toolkit.fluxcd.io_ocirepositories.yaml",
    owner: "controller-gen's",
    differences: KNOWN_DIFFERENCES,
    minPaths: 110,
  });
});
