/**
 * A probe, not part of `npm run bench`: what emitting the final schema in one pass would cost,
 * on inputs that need no transform but inlining and finalize (the synthetic surfaces). Times, in
 * this fresh process, either crdgen's emit -> inline-refs -> transforms -> finalize ("real") or
 * a one-pass IR -> final schema emitter written here for those inputs only ("fused"); with
 * CHECK=1 it also checks that both give the same schema. Run `npm run build` first.
 *
 *   node bench/experiments/fused-emit-probe.mjs bench/.work/synthetic/n5000 real|fused
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const D = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "dist") + "/";
const { loadProgram } = await import(D + "src/read/program.js");
const { read } = await import(D + "src/generate.js");
const { emitDefinitions, emitRoot } = await import(D + "src/emit/schema.js");
const { runTransforms } = await import(D + "transforms/index.js");
const { tagRegistry } = await import(D + "src/tags/index.js");
const [dir, mode] = process.argv.slice(2);
const loaded = loadProgram({ entries: ["root.ts"], cwd: dir });
const diags = [];
const model = read(loaded, diags);
const root = model.roots[0];

const API_VERSION_DESCRIPTION =
  "APIVersion defines the versioned schema of this representation of an object.\nServers should convert recognized schemas to the latest internal value, and\nmay reject unrecognized values.\nMore info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
const KIND_DESCRIPTION =
  "Kind is a string value representing the REST resource this object represents.\nServers may infer this from the endpoint the client submits requests to.\nCannot be updated.\nIn CamelCase.\nMore info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";

function sorted(node) {
  const keys = Object.keys(node);
  if (keys.length < 2) return node;
  let inOrder = true;
  for (let i = 1; i < keys.length; i++)
    if (keys[i - 1] > keys[i]) {
      inOrder = false;
      break;
    }
  if (inOrder) return node;
  keys.sort();
  const out = {};
  for (const k of keys) out[k] = node[k];
  return out;
}

function fused(model, root) {
  const bodies = new Map();
  const bodyOf = (name) => {
    let b = bodies.get(name);
    if (b) return b;
    const def = model.definitions.get(name);
    const s = type(def.type);
    if (def.description) s.description = def.description;
    for (const tag of def.tags) tagRegistry.get(tag.name)?.applySchema?.(s, tag.value);
    b = sorted(s);
    bodies.set(name, b);
    return b;
  };
  const type = (t) => {
    switch (t.kind) {
      case "primitive":
        return t.format ? { format: t.format, type: t.type } : { type: t.type };
      case "enum":
        return { enum: [...t.values], type: t.type };
      case "array":
        return { items: final(t.items), type: "array" };
      case "object":
        return object(t);
      case "ref":
        return { ...bodyOf(t.name) };
      default:
        throw new Error("probe: unsupported " + t.kind);
    }
  };
  const final = (t) => sorted(type(t));
  const object = (o) => {
    const s = {};
    if (o.additionalProperties) s.additionalProperties = final(o.additionalProperties);
    if (o.properties.length > 0) {
      const properties = {};
      for (const p of o.properties) {
        const ps = type(p.type);
        if (p.description) ps.description = p.description;
        for (const tag of p.tags) tagRegistry.get(tag.name)?.applySchema?.(ps, tag.value);
        properties[p.name] = sorted(ps);
      }
      // Declaration order, as the pipeline keeps it.
      s.properties = properties;
      const required = o.properties.filter((p) => !p.optional).map((p) => p.name);
      if (required.length > 0) s.required = required.sort();
    }
    s.type = "object";
    return s;
  };
  const body = object(root.type);
  const schema = {
    ...(root.description ? { description: root.description } : {}),
    properties: {
      apiVersion: { description: API_VERSION_DESCRIPTION, type: "string" },
      kind: { description: KIND_DESCRIPTION, type: "string" },
      metadata: { type: "object" },
      ...body.properties,
    },
    ...(body.required ? { required: body.required } : {}),
    type: "object",
  };
  return schema;
}

function real(model, root) {
  const defs = emitDefinitions(model);
  const doc = emitRoot(root, defs);
  return runTransforms(doc, { rootName: root.typeName, report: (d) => diags.push(d), options: {} }).schema;
}

const t = performance.now();
const schema = mode === "fused" ? fused(model, root) : real(model, root);
const ms = performance.now() - t;
if (process.env.CHECK) {
  const other = mode === "fused" ? real(model, root) : fused(model, root);
  const same = JSON.stringify(schema) === JSON.stringify(other);
  console.log("same output:", same);
}
console.log(mode, ms.toFixed(1));
