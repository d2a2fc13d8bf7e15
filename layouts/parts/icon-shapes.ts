/**
 * The icons' shapes, as plain strings, and the <svg> around them: the layouts use them
 * (icons.ts) and so does the page script, which makes the controls that only work with
 * JavaScript (the menu, search and theme buttons, the sidebar's toggles). Each icon is an
 * export of its own, a string literal, so the script's bundle carries only the ones it uses.
 * Decorative: hidden from assistive technology; the control around an icon carries the name.
 * No `focusable="false"`: only Internet Explorer put SVGs in the tab order.
 */

/** An icon's <svg>, from its shapes (one of the exports below). */
export const iconMarkup = (shapes: string): string =>
  `<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${shapes}</svg>`;

export const menu = '<path d="M4 6h16M4 12h16M4 18h16"/>';
export const close = '<path d="M6 6l12 12M18 6L6 18"/>';
export const search = '<circle cx="11" cy="11" r="7"/><path d="M20 20l-3.5-3.5"/>';
export const sun =
  '<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>';
export const moon = '<path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"/>';
export const auto = '<circle cx="12" cy="12" r="9"/><path d="M12 3v18" /><path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/>';
export const chevron = '<path d="M9 6l6 6-6 6"/>';
export const external = '<path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>';
export const edit = '<path d="M4 20h4L19 9l-4-4L4 16z"/>';
// Link icons (config: header_links / footer_links, `icon:`).
export const github =
  '<path d="M9 19c-4.3 1.4-4.3-2.5-6-3m12 5v-3.5c0-1 .1-1.4-.5-2 2.8-.3 5.5-1.4 5.5-6a4.6 4.6 0 0 0-1.3-3.2 4.2 4.2 0 0 0-.1-3.2s-1.1-.3-3.5 1.3a12.3 12.3 0 0 0-6.2 0C6.5 2.8 5.4 3.1 5.4 3.1a4.2 4.2 0 0 0-.1 3.2A4.6 4.6 0 0 0 4 9.5c0 4.6 2.7 5.7 5.5 6-.6.6-.6 1.2-.5 2V21"/>';
export const gitlab = '<path d="M12 21l-9-7 3-11 3 8h6l3-8 3 11z"/>';
export const chat = '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.7A8 8 0 1 1 21 12z"/>';
export const slack = '<path d="M9 3v18M15 3v18M3 9h18M3 15h18"/>';
export const discord =
  '<path d="M8 8c3-1 5-1 8 0M8 16c3 1 5 1 8 0M7 7l-2 10 3 2 1-2M17 7l2 10-3 2-1-2"/><circle cx="9.5" cy="12" r="1"/><circle cx="14.5" cy="12" r="1"/>';
export const email = '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>';
export const website = '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>';
export const video = '<rect x="3" y="6" width="13" height="12" rx="2"/><path d="M16 10l5-3v10l-5-3z"/>';
export const book = '<path d="M4 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4zM20 4h-4a2 2 0 0 0-2 2"/>';
export const calendar = '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>';
export const previous = '<path d="M15 6l-6 6 6 6"/>';
export const next = '<path d="M9 6l6 6-6 6"/>';
