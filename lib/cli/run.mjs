/**
 * `npm run build` starts here. It runs the build command (lib/cli/build.ts) from one
 * JavaScript bundle of our TypeScript, made by esbuild the first time a version of the
 * code runs and kept in .cache/coursesite/cli/. Loading the sources through a TypeScript
 * loader instead (tsx) cost every build 0.6–1 s: a loader thread that every import of
 * every package passes through, and a compile of each of our hundred-odd modules.
 * Packages stay ordinary imports from node_modules.
 *
 * Plain JavaScript, because it is what runs before any TypeScript can.
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bundles = join(root, ".cache", "coursesite", "cli");

/** Every file the bundle is made of, and what makes it: the installed packages and Node itself. */
function sourceFiles() {
  const files = [join(root, ".eleventy.ts"), join(root, "package-lock.json")];
  for (const folder of ["lib", "layouts"])
    for (const rel of readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })) if (rel.endsWith(".ts")) files.push(join(root, folder, rel));
  return files.sort();
}

function versionOf(files) {
  const hash = createHash("sha1").update(`${process.version}|`);
  for (const file of files) if (existsSync(file)) hash.update(relative(root, file)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Our modules find files next to themselves (workers, the project folder) through
 * `import.meta.url`; in the bundle each keeps the URL of its own source file.
 */
const keepModuleUrls = {
  name: "keep-module-urls",
  setup(build) {
    // (Packages are not bundled, so only our own files come through here.)
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const contents = readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: "ts" };
    });
  },
};

/**
 * Writes the bundle into `dir`: the entry `build.mjs`, and chunks for what is imported only
 * when needed (Shiki and markdown-it's plugins, which a build whose pages are all reused
 * never loads). Written into a folder of this process's own, then renamed: another build may
 * be starting at the same time.
 */
async function bundle(dir) {
  const { build } = await import("esbuild");
  const { outputFiles } = await build({
    entryPoints: { build: join(root, "lib", "cli", "build.ts") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    packages: "external",
    target: `node${process.versions.node}`,
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    sourcemap: "linked",
    write: false,
    plugins: [keepModuleUrls],
    logLevel: "error",
  });
  const temporary = `${dir}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  for (const output of outputFiles) writeFileSync(join(temporary, relative(dir, output.path)), output.contents);
  try {
    renameSync(temporary, dir);
  } catch {
    rmSync(temporary, { recursive: true, force: true }); // another build wrote it first
  }
  for (const old of readdirSync(bundles)) if (old !== basename(dir) && !old.endsWith(".tmp")) rmSync(join(bundles, old), { recursive: true, force: true });
}

// (See skip-esm-resolver.ts: in the bundle, Eleventy would be loaded before that module runs.)
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
const dir = join(bundles, `build-${versionOf(sourceFiles())}`);
const entry = join(dir, "build.mjs");
if (!existsSync(entry)) await bundle(dir);
await import(pathToFileURL(entry).href);
