/** Default resource names, as controller-gen and kubectl derive them from a kind. */

/** English plural of a lower-cased kind: s/x/z/ch/sh -> es, consonant + y -> ies, else s. */
export function pluralize(singular: string): string {
  if (/(s|x|z|ch|sh)$/.test(singular)) return `${singular}es`;
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  return `${singular}s`;
}
