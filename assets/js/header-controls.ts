/**
 * The header's controls that only work with JavaScript, made here rather than carried by
 * every page (see layouts/parts/header.ts): the phone menu button (on pages with a
 * sidebar), the search field and the theme switch, each where the layout once put it. The
 * features that drive them (sidebar.ts, search/search-ui.ts, theme-switch.ts) find them
 * by class, so this runs first.
 */

import { auto, iconMarkup, menu, moon, search, sun } from "../../layouts/parts/icon-shapes.ts";
import { makeElement } from "./make-element.ts";

const MENU_BUTTON = `<button type="button" class="icon-button menu-button" aria-controls="sidebar" aria-expanded="false">${iconMarkup(menu)}<span class="visually-hidden">Course menu</span></button>`;

const SEARCH = `<div class="search" role="search" hidden>
<label class="visually-hidden" for="search-input">Search the course</label>
<span class="search-icon">${iconMarkup(search)}</span>
<input type="search" id="search-input" class="search-input" placeholder="Search" autocomplete="off" spellcheck="false" aria-describedby="search-status" aria-controls="search-results">
<kbd class="search-key" aria-hidden="true">/</kbd>
<div class="search-panel" id="search-results" hidden>
<p class="search-status" id="search-status" role="status"></p>
<ol class="search-list"></ol>
</div>
</div>`;

// One icon per setting; the stylesheet shows the one of the current theme.
const THEME_BUTTON = `<button type="button" class="icon-button theme-button" aria-label="Colour theme: follow the system">${iconMarkup(auto)}${iconMarkup(sun)}${iconMarkup(moon)}</button>`;

export function addHeaderControls(): void {
  const header = document.querySelector<HTMLElement>(".site-header");
  if (!header) return;
  if (document.getElementById("sidebar")) header.prepend(makeElement(MENU_BUTTON));
  header.querySelector(".brand")?.after(makeElement(SEARCH));
  header.append(makeElement(THEME_BUTTON));
  header.classList.add("has-controls"); // (the menu button's place was kept until now: see layout.css)
}
