// Worker threads do not inherit `--import tsx`, so each starts here: register tsx, then
// load the TypeScript module named in workerData.module (which reads its own workerData).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
