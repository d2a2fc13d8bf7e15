/** The theme button: cycles follow-the-system → light → dark, remembered across pages and visits. */

const KEY = "coursesite-theme";
type Theme = "auto" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { auto: "light", light: "dark", dark: "auto" };
const LABEL: Record<Theme, string> = { auto: "Colour theme: follow the system", light: "Colour theme: light", dark: "Colour theme: dark" };

function current(): Theme {
  const t = document.documentElement.dataset.theme;
  return t === "light" || t === "dark" ? t : "auto";
}

function apply(theme: Theme, button: HTMLElement): void {
  if (theme === "auto") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  button.setAttribute("aria-label", LABEL[theme]);
  button.title = LABEL[theme];
  try {
    // "auto" is stored too: a course may default to dark, and the choice must still stick.
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be switched off; the choice then lasts for this page only.
  }
}

export function enableThemeSwitch(): void {
  const button = document.querySelector<HTMLButtonElement>(".theme-button");
  if (!button) return;
  apply(current(), button);
  button.addEventListener("click", () => apply(NEXT[current()], button));
}
