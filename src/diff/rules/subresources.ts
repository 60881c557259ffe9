/**
 * `subresource-removed` (breaking): the `status` or `scale` subresource is gone, so
 * controllers writing `/status` and autoscalers or `kubectl scale` using `/scale` fail.
 * Example: `subresources: {status: {}}` → no subresources.
 *
 * `subresource-added`: adding `scale` is not breaking. Adding `status` IS breaking:
 * from then on the main endpoint ignores changes to `.status` and `/status` ignores
 * everything else, so clients that wrote status through a plain update silently lose
 * their writes.
 *
 * `subresource-changed` (breaking): a scale path changed; autoscalers read replicas
 * and selectors from those paths.
 */
import type { CustomResourceSubresources } from "../../schema/types.js";
import { isRecord } from "../crd-access.js";
import { jsonEqual } from "../json-equal.js";
import type { VersionRule } from "./rule.js";

const NAMES = ["status", "scale"] as const;

function subresources(value: unknown): CustomResourceSubresources {
  return isRecord(value) ? (value as CustomResourceSubresources) : {};
}

export const subresourcesRule: VersionRule = {
  check(old, neu, at, report) {
    const before = subresources(old.subresources);
    const after = subresources(neu.subresources);
    for (const name of NAMES) {
      const path = at.field("subresources").field(name);
      const had = before[name] !== undefined && before[name] !== null;
      const has = after[name] !== undefined && after[name] !== null;
      if (had && !has) {
        report({
          kind: "subresource-removed",
          breaking: true,
          at: path,
          message: `the ${name} subresource was removed; clients of /${name} fail`,
          old: before[name],
        });
      } else if (!had && has) {
        report({
          kind: "subresource-added",
          breaking: name === "status",
          at: path,
          message:
            name === "status"
              ? "the status subresource was added; updates to the main resource no longer change .status"
              : `the ${name} subresource was added`,
          new: after[name],
        });
      } else if (had && has && !jsonEqual(before[name], after[name])) {
        report({
          kind: "subresource-changed",
          breaking: true,
          at: path,
          message: `the ${name} subresource changed; its users read the old paths`,
          old: before[name],
          new: after[name],
        });
      }
    }
  },
};
