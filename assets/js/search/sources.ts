/**
 * The search's sources, a script of their own (`assets/search.js`) that the page script
 * loads when a reader first turns to the search field: they are half of its code, and
 * most pages are read without a search. It hands them over through the window.
 */

import { loadOfflineSource } from "./offline-source.ts";
import { loadPagefindSource } from "./pagefind-source.ts";

window.__coursesiteSearchSources = { loadOfflineSource, loadPagefindSource };
