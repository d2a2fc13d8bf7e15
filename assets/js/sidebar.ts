/**
 * The sidebar: branches off the current page's path collapse, with a toggle button
 * each; on phones the whole sidebar becomes a menu behind the header's menu button.
 */

import { chevron, iconMarkup } from "../../layouts/parts/icon-shapes.ts";
import { makeElement } from "./make-element.ts";

function setOpen(item: HTMLElement, toggle: HTMLButtonElement, open: boolean): void {
  item.classList.toggle("is-open", open);
  toggle.setAttribute("aria-expanded", String(open));
}

/** A toggle for each branch the layout put in a `.nav-row` (its link, then its list). */
function addToggles(sidebar: HTMLElement): void {
  for (const row of sidebar.querySelectorAll<HTMLElement>(".nav-row")) {
    const item = row.parentElement;
    const list = row.nextElementSibling;
    if (!item || !list?.id) continue;
    const toggle = makeElement<HTMLButtonElement>(
      `<button type="button" class="nav-toggle">${iconMarkup(chevron)}<span class="visually-hidden"></span></button>`,
    );
    toggle.setAttribute("aria-controls", list.id);
    setOpen(item, toggle, item.classList.contains("is-open"));
    const title = row.querySelector("a")?.firstChild?.textContent ?? "";
    const label = toggle.querySelector(".visually-hidden");
    if (label) label.textContent = `${title}: show or hide its pages`;
    toggle.addEventListener("click", () => setOpen(item, toggle, !item.classList.contains("is-open")));
    row.append(toggle);
    row.classList.add("has-toggle"); // (its place was kept until now: see navigation.css)
  }
}

function enablePhoneMenu(sidebar: HTMLElement): void {
  const button = document.querySelector<HTMLButtonElement>(".menu-button");
  if (!button) return;
  const close = (returnFocus: boolean): void => {
    sidebar.classList.remove("is-open");
    button.setAttribute("aria-expanded", "false");
    if (returnFocus) button.focus();
  };
  button.addEventListener("click", () => {
    const open = !sidebar.classList.contains("is-open");
    if (!open) return close(false);
    sidebar.classList.add("is-open");
    button.setAttribute("aria-expanded", "true");
    const target = sidebar.querySelector<HTMLElement>('[aria-current="page"]') ?? sidebar.querySelector<HTMLElement>("a");
    target?.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && sidebar.classList.contains("is-open")) close(true);
  });
  document.addEventListener("click", (event) => {
    const target = event.target as Node;
    if (sidebar.classList.contains("is-open") && !sidebar.contains(target) && !button.contains(target)) close(false);
  });
}

/**
 * Scrolls the sidebar to the current page's link when it is out of view. Not with
 * scrollIntoView: Chromium then starts keyboard navigation from the link, so the first Tab
 * passed over the skip link (even when nothing had to scroll).
 */
function revealCurrent(sidebar: HTMLElement): void {
  const current = sidebar.querySelector('[aria-current="page"]');
  if (!current) return;
  const view = sidebar.getBoundingClientRect();
  const item = current.getBoundingClientRect();
  if (item.top < view.top || item.bottom > view.bottom) sidebar.scrollTop += item.top - view.top - (view.height - item.height) / 2;
}

export function enableSidebar(): void {
  const sidebar = document.getElementById("sidebar");
  if (!sidebar) return;
  addToggles(sidebar);
  enablePhoneMenu(sidebar);
  revealCurrent(sidebar);
}
