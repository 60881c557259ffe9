// The app the bundlers build. It is plain JavaScript on purpose, so rollup and webpack bundle it
// without a TypeScript loader, and it does not import ./api/types.ts: the CRDs must still follow
// edits to that file, which only works because the plugin puts it on the bundler's watch list.
export function widget(name) {
  return { apiVersion: "example.com/v1", kind: "Widget", metadata: { name }, spec: { size: 1 } };
}

console.log(JSON.stringify(widget("demo")));
