/**
 * Kubernetes treats a custom resource's root like an embedded resource (its apiVersion, kind and
 * metadata are kept and checked as ObjectMeta), whatever the root schema says.
 */
import type { Structural } from "./types.js";

/** `s` with `x-kubernetes-embedded-resource` set; an empty schema stands in for none. */
export function asResourceRoot(s: Structural | undefined): Structural {
  const base: Structural = s ?? {
    generic: { type: "", title: "", description: "", nullable: false },
    extensions: {
      xPreserveUnknownFields: false,
      xEmbeddedResource: false,
      xIntOrString: false,
      xListMapKeys: [],
      xValidations: [],
    },
  };
  return base.extensions.xEmbeddedResource
    ? base
    : { ...base, extensions: { ...base.extensions, xEmbeddedResource: true } };
}
