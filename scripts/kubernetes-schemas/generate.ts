/**
 * Writes `src/read/kubernetes/schemas.json`: the schema of every stable Kubernetes type that
 * `@kubernetes/client-node` exposes, stored once each with references by class name, and
 * prints what the evidence did. See README.md beside this file for how to run it and where
 * each part of the data comes from.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { buildSchemaData } from "./pipeline.js";

const OUTPUT = "src/read/kubernetes/schemas.json";

async function main(): Promise<void> {
  const repoRoot = process.cwd();
  const packageJson = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    name?: string;
  };
  if (packageJson.name !== "crdgen") throw new Error("run this from the crdgen repository root");

  const result = await buildSchemaData(repoRoot);
  const outputFile = path.join(repoRoot, OUTPUT);
  const options = (await prettier.resolveConfig(outputFile)) ?? {};
  writeFileSync(
    outputFile,
    await prettier.format(JSON.stringify(result.data), { ...options, filepath: outputFile }),
  );

  const { buildReport, evidenceReport } = result;
  const definitionCount = Object.keys(result.data.definitions).length;
  console.log(`${OUTPUT}: ${definitionCount} definitions (Kubernetes ${result.data.source.kubernetes})`);
  console.log(`evidence: ${result.evidenceFiles} CRD files, ${result.anchoredNodes} anchored nodes`);
  console.log("applied:", evidenceReport.applied);
  printList("built from client-node alone (no kubernetes-models counterpart)", buildReport.withoutModel);
  printList("taken from the corpus", evidenceReport.fromCorpus);
  printList("int-or-string disagreements", evidenceReport.intOrStringMismatches);
  printList("corpus values outvoted", evidenceReport.conflicts);
  printList(
    "lists and maps no CRD showed",
    evidenceReport.unobserved,
    Number(process.env.SHOW_UNOBSERVED ?? 20),
  );
}

function printList(title: string, items: string[], limit = Infinity): void {
  console.log(`${title}: ${items.length}`);
  for (const item of items.slice(0, limit)) console.log(`  ${item}`);
  if (items.length > limit) console.log(`  ... ${items.length - limit} more`);
}

await main();
