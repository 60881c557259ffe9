/**
 * What to do about a recursive type (CRD1008), wherever it is found: a CRD schema has no `$ref`,
 * so the recursion has to stop at a field the API server keeps without a schema. `@schemaless`
 * drops the field's type there; `@preserveUnknownFields` alone would keep the type, and with it
 * the recursion.
 */
export const RECURSION_HINT =
  "tag the property where the recursion happens with @schemaless @preserveUnknownFields (the API server then keeps what it holds unchecked), or break the cycle";
