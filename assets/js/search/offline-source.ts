/** Search from disk (file://): the offline index, loaded through <script> tags. (Stub until the offline index lands.) */

import type { SearchSource } from "./search-source.ts";

export async function loadOfflineSource(_root: string): Promise<SearchSource> {
  throw new Error("offline search is not available yet");
}
