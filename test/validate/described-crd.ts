/** CRD-shaped objects whose size is set by one description, for the size-limit tests. */

/** A CRD-shaped object whose root schema has a description of `n` characters (`d`s: plain ASCII). */
export function crdWith(n: number, annotations?: Record<string, string>): Record<string, unknown> {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "widgets.example.com", ...(annotations ? { annotations } : {}) },
    spec: {
      versions: [{ name: "v1", schema: { openAPIV3Schema: { type: "object", description: "d".repeat(n) } } }],
    },
  };
}

/** A CRD-shaped object whose JSON takes exactly `bytes` bytes (plain ASCII, so Go's size is JSON.stringify's). */
export function crdOfSize(bytes: number): Record<string, unknown> {
  return crdWith(bytes - JSON.stringify(crdWith(0)).length);
}
