/**
 * An object's own keys in code-unit order, the order crdgen writes mapping keys in. Schema
 * nodes have a handful of keys, usually already in order: an insertion sort leaves those as
 * they are, where `Array.prototype.sort` allocates a work copy on every call (most of what
 * the transform stage allocated on a large API).
 */
export function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    if (keys[j]! <= key) continue;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
