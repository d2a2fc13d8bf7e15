/**
 * The search field in the header. Nothing loads until the reader focuses it, not even
 * the code that searches (assets/search.js). Over HTTP it asks Pagefind; opened from
 * disk (file://, where Pagefind cannot run) it asks the offline index. Keyboard: `/` or Ctrl/⌘+K focuses the field, arrow keys
 * move through results, Escape closes them.
 */

import { loadScript } from "../load-script.ts";
import { escapeText, type SearchResult, type SearchSource, type SearchSources } from "./search-source.ts";

/** `assets/search.js` with its version, relative to the site's root (set by the bundler). */
declare const SEARCH_SCRIPT: string;

/** Loads the search's sources (assets/search.js, see sources.ts). */
async function loadSources(root: string): Promise<SearchSources> {
  await loadScript(new URL(root + SEARCH_SCRIPT, window.location.href).href, "assets/search.js");
  const sources = window.__coursesiteSearchSources;
  if (!sources) throw new Error("assets/search.js did not load");
  return sources;
}

function renderResults(list: HTMLOListElement, results: readonly SearchResult[]): void {
  list.innerHTML = results
    .map(
      (r) =>
        `<li><a href="${escapeText(r.url)}"><span class="search-result-title">${escapeText(r.title)}</span>${
          r.section ? `<span class="search-result-section">${escapeText(r.section)}</span>` : ""
        }<span class="search-result-excerpt">${r.excerpt}</span></a></li>`,
    )
    .join("");
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function enableSearch(): void {
  const box = document.querySelector<HTMLElement>(".search");
  const input = document.querySelector<HTMLInputElement>("#search-input");
  const panel = document.querySelector<HTMLElement>("#search-results");
  const status = document.querySelector<HTMLElement>("#search-status");
  const list = panel?.querySelector<HTMLOListElement>(".search-list");
  if (!box || !input || !panel || !status || !list) return;
  box.hidden = false;
  // (The layout says where the site's root is, for the search's script and indexes.)
  const root = box.closest<HTMLElement>(".site-header")?.dataset.root ?? "";
  const shortcut = /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘K" : "Ctrl+K";
  input.placeholder = `Search (/ or ${shortcut})`;

  let source: Promise<SearchSource> | undefined;
  const load = (): Promise<SearchSource> => {
    if (!source) {
      source = loadSources(root).then((sources) => (window.location.protocol === "file:" ? sources.loadOfflineSource(root) : sources.loadPagefindSource(root)));
      source.catch(() => {
        source = undefined; // tried again on the next keystroke
      });
    }
    return source;
  };
  const links = (): HTMLAnchorElement[] => [...list.querySelectorAll<HTMLAnchorElement>("a")];
  const close = (): void => {
    panel.hidden = true;
  };

  let latest = "";
  const run = async (): Promise<void> => {
    const query = input.value.trim();
    latest = query;
    if (!query) {
      list.innerHTML = "";
      status.textContent = "";
      close();
      return;
    }
    panel.hidden = false;
    try {
      const results = await (await load()).search(query);
      if (results === null || query !== latest) return;
      renderResults(list, results);
      status.textContent = results.length === 0 ? `No results for “${query}”` : `${results.length} result${results.length === 1 ? "" : "s"} for “${query}”`;
    } catch {
      status.textContent = "Search could not load. Try reloading the page.";
    }
  };

  input.addEventListener("focus", () => {
    void load().catch(() => undefined);
    if (input.value.trim()) panel.hidden = false;
  });
  input.addEventListener("input", () => void run());
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === "Enter") {
      const first = links()[0];
      if (first) {
        event.preventDefault();
        first.click();
      }
    } else if (event.key === "Escape") {
      if (panel.hidden) input.blur();
      close();
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === "Escape") {
      close();
      input.focus();
    }
  });
  box.addEventListener("focusout", (event) => {
    if (!box.contains(event.relatedTarget as Node | null)) close();
  });
  document.addEventListener("keydown", (event) => {
    const isShortcut = (event.key === "k" || event.key === "K") && (event.metaKey || event.ctrlKey);
    if (isShortcut || (event.key === "/" && !isTyping(event.target) && !event.altKey && !event.ctrlKey && !event.metaKey)) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}
