/**
 * `npm run bench [name]`: runs every bench/*.bench.ts (or those whose name contains the filter).
 * Each prints its own figures and compares against a baseline measured in the same run.
 */
import fs from "node:fs";
import path from "node:path";

async function main(): Promise<void> {
  const filter = process.argv[2] ?? "";
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith(".bench.ts") && f.includes(filter)).sort();
  if (files.length === 0) {
    console.error(`no benchmark matches "${filter}"`);
    process.exit(1);
  }
  for (const file of files) {
    console.log(`\n=== ${file} ===`);
    const mod = (await import(path.join(__dirname, file))) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
