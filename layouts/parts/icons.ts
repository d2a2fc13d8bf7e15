/** The icons for the layouts, as markup they can interpolate (see icon-shapes.ts). */

import { raw, type SafeHtml } from "../../lib/layout/html.ts";
import * as shapes from "./icon-shapes.ts";

export const icons: Record<string, SafeHtml> = Object.fromEntries(Object.entries(shapes).map(([name, markup]) => [name, raw(markup)]));
