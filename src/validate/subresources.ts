/** Scale subresource paths (reference §5 R1–R4). */
import type { FieldError } from "./field-error.js";
import { child, invalid, required } from "./errors.js";
import { validateSimpleJSONPath } from "./json-path.js";
import type { InternalSubresources } from "./model.js";

export function validateSubresources(sub: InternalSubresources | undefined, path: string): FieldError[] {
  const scale = sub?.scale;
  if (!scale) return [];
  const errs: FieldError[] = [];
  const specPath = child(path, "scale.specReplicasPath");
  if (!scale.specReplicasPath) errs.push(required(specPath, ""));
  else {
    const e = validateSimpleJSONPath(scale.specReplicasPath, specPath);
    if (e.length > 0) errs.push(...e);
    else if (!scale.specReplicasPath.startsWith(".spec."))
      errs.push(invalid(specPath, scale.specReplicasPath, "should be a json path under .spec"));
  }
  const statusPath = child(path, "scale.statusReplicasPath");
  if (!scale.statusReplicasPath) errs.push(required(statusPath, ""));
  else {
    const e = validateSimpleJSONPath(scale.statusReplicasPath, statusPath);
    if (e.length > 0) errs.push(...e);
    else if (!scale.statusReplicasPath.startsWith(".status.")) {
      errs.push(invalid(statusPath, scale.statusReplicasPath, "should be a json path under .status"));
    }
  }
  const selector = scale.labelSelectorPath;
  if (selector) {
    const selectorPath = child(path, "scale.labelSelectorPath");
    const e = validateSimpleJSONPath(selector, selectorPath);
    if (e.length > 0) errs.push(...e);
    else if (!selector.startsWith(".spec.") && !selector.startsWith(".status.")) {
      errs.push(invalid(selectorPath, selector, "should be a json path under either .spec or .status"));
    }
  }
  return errs;
}

/** Whether these subresources enable `/status`. */
export function hasStatusEnabled(sub: InternalSubresources | undefined): boolean {
  return sub?.status !== undefined;
}
