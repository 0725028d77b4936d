/**
 * Worker-thread entry of the figure pool (pool.ts): runs tasks sent by the main thread and posts
 * back results, throttled progress and errors. Loaded as TypeScript through tsx's loader.
 */
import { parentPort } from 'node:worker_threads';
import { executeTask } from './tasks.ts';
import type { Task } from './types.ts';

export interface TaskMessage { type: 'task'; id: number; task: Task }

const port = parentPort;
if (port) {
  port.on('message', (msg: TaskMessage) => {
    if (msg?.type !== 'task') return;
    let last = 0;
    try {
      const result = executeTask(msg.task, (fraction) => {
        const now = Date.now();
        if (now - last < 250) return;
        last = now;
        port.postMessage({ type: 'progress', id: msg.id, fraction });
      });
      port.postMessage({ type: 'result', id: msg.id, result });
    } catch (e) {
      const err = e as Error;
      port.postMessage({ type: 'error', id: msg.id, name: err?.name ?? 'Error', message: err?.message ?? String(e) });
    }
  });
}
