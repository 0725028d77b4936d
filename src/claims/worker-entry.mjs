// Plain-JS entry of a claims worker thread: registers tsx's TypeScript loader in this thread, then loads
// worker.ts (on Node 20, `--import tsx` in a Worker's execArgv does not reach the worker's entry module).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
