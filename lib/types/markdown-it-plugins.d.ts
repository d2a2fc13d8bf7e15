// Type declarations for markdown-it plugins that ship none (they take the instance and options).
declare module "markdown-it-footnote" {
  import type { PluginSimple } from "markdown-it";

  const plugin: PluginSimple;
  export default plugin;
}
declare module "markdown-it-deflist" {
  import type { PluginSimple } from "markdown-it";

  const plugin: PluginSimple;
  export default plugin;
}
declare module "markdown-it-abbr" {
  import type { PluginSimple } from "markdown-it";

  const plugin: PluginSimple;
  export default plugin;
}
declare module "markdown-it-emoji" {
  import type { PluginWithOptions } from "markdown-it";
  export const full: PluginWithOptions<{ defs?: Record<string, string>; shortcuts?: Record<string, string | string[]> }>;
}
