/**
 * Imported first by build.ts, so evaluated before Eleventy (when run from source; the
 * bundle's launcher, run.mjs, sets the same before importing it). Under Node 20 Eleventy
 * registers a module loader hook as it loads, so that watch mode can import JavaScript
 * data and configuration files again once changed; every import after that went through
 * the hook's thread, 0.1–0.2 s of each build's start. Eleventy imports no file of ours:
 * the configuration and layout are handed to it as functions, and a course has no
 * JavaScript for it.
 */

process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
