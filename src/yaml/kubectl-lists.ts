/**
 * The objects of a list document, as kubectl splits them: `kind: List` (what `kubectl get -o yaml`
 * writes for several objects) and any other `<Kind>List` with `items` (a `WidgetList`,
 * `CustomResourceDefinitionList`), since kubectl's decoder reads every object with `items` as a
 * list. `crdgen check` and `crdgen diff` read manifests the same way.
 */
export function kubectlListItems(value: unknown): unknown[] | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { kind, items } = value as { kind?: unknown; items?: unknown };
  return typeof kind === "string" && kind.endsWith("List") && Array.isArray(items) ? items : undefined;
}
