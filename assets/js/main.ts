/**
 * The page script: every feature enhances markup that already works without it
 * (the sidebar is all open, code can be selected by hand), and the controls it needs
 * are made here, not carried by every page. Loaded with `defer`, so the document is
 * parsed when this runs.
 */

import { enableCopyButtons } from "./copy-code.ts";
import { enableExerciseProgress } from "./exercise-progress.ts";
import { addHeaderControls } from "./header-controls.ts";
import { enableLightbox } from "./lightbox.ts";
import { enableSearch } from "./search/search-ui.ts";
import { enableSidebar } from "./sidebar.ts";
import { enableTabs } from "./tabs.ts";
import { enableThemeSwitch } from "./theme-switch.ts";
import { enableToc } from "./toc.ts";

addHeaderControls();
enableThemeSwitch();
enableSidebar();
enableToc();
enableCopyButtons();
enableTabs();
enableExerciseProgress();
enableLightbox();
enableSearch();
