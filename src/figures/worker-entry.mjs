// Plain-JS entry of a figure worker thread: registers tsx's TypeScript loader in this thread, then
// loads worker.ts. (On Node 20, `--import tsx` in a Worker's execArgv does not reach the worker's
// own entry module, so the registration is done here.)
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
