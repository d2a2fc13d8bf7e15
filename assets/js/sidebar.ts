/**
 * The sidebar: branches off the current page's path collapse, with a toggle button
 * each; on phones the whole sidebar becomes a menu behind the header's menu button.
 */

function setOpen(item: HTMLElement, toggle: HTMLButtonElement, open: boolean): void {
  item.classList.toggle("is-open", open);
  toggle.setAttribute("aria-expanded", String(open));
}

function enableToggles(sidebar: HTMLElement): void {
  for (const toggle of sidebar.querySelectorAll<HTMLButtonElement>(".nav-toggle")) {
    const item = toggle.closest<HTMLElement>("li");
    if (!item) continue;
    toggle.hidden = false;
    toggle.addEventListener("click", () => setOpen(item, toggle, !item.classList.contains("is-open")));
  }
}

function enablePhoneMenu(sidebar: HTMLElement): void {
  const button = document.querySelector<HTMLButtonElement>(".menu-button");
  if (!button) return;
  button.hidden = false;
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

export function enableSidebar(): void {
  const sidebar = document.getElementById("sidebar");
  if (!sidebar) return;
  enableToggles(sidebar);
  enablePhoneMenu(sidebar);
  sidebar.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest" });
}
