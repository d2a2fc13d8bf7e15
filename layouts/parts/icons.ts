/** The icons for the layouts, as markup they can interpolate (see icon-shapes.ts). */

import { raw, type SafeHtml } from "../../lib/layout/html.ts";
import * as iconShapes from "./icon-shapes.ts";

const { iconMarkup, ...shapes } = iconShapes;

export const icons: Record<string, SafeHtml> = Object.fromEntries(Object.entries(shapes).map(([name, shape]) => [name, raw(iconMarkup(shape))]));
