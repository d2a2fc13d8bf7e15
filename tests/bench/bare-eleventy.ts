/**
 * The benchmark's baseline: Eleventy 3 rendering the same Markdown pages with nothing
 * else (no layout, no highlighting, no search index, no link rewriting).
 * Usage: node --import tsx tests/bench/bare-eleventy.ts <input> <output>
 */

import { join } from "node:path";
import Eleventy from "@11ty/eleventy";

const [input, output] = process.argv.slice(2);
const eleventy = new Eleventy(input, output, { configPath: join(import.meta.dirname, "bare.eleventy.ts"), quietMode: true });
await eleventy.write();
