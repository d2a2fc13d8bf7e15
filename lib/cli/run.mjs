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

async function bundle(file) {
  const { build } = await import("esbuild");
  const { outputFiles } = await build({
    entryPoints: [join(root, "lib", "cli", "build.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    target: `node${process.versions.node}`,
    outfile: file,
    sourcemap: "linked",
    write: false,
    plugins: [keepModuleUrls],
    logLevel: "error",
  });
  mkdirSync(bundles, { recursive: true });
  // The map first, the bundle last; each written aside and renamed, as another build may be starting.
  for (const output of outputFiles.sort((a) => (a.path.endsWith(".map") ? -1 : 1))) {
    const temporary = `${output.path}.${process.pid}.tmp`;
    writeFileSync(temporary, output.contents);
    renameSync(temporary, output.path);
  }
  for (const old of readdirSync(bundles)) if (!old.startsWith(basename(file)) && !old.endsWith(".tmp")) rmSync(join(bundles, old), { force: true });
}

const file = join(bundles, `build-${versionOf(sourceFiles())}.mjs`);
if (!existsSync(file)) await bundle(file);
await import(pathToFileURL(file).href);
