/**
 * Worker-thread side of the claims pool (pool.ts): runs one claim of the registry per message with the
 * options it is sent and posts the ClaimResult back (plain data, so structured cloning keeps it exact).
 */
import { parentPort } from 'node:worker_threads';
import { claimById } from '../../theorems/index.ts';
import { runClaim, type RunOptions } from './runner.ts';

export interface ClaimTask { type: 'claim'; id: number; claim: string; opts: RunOptions }

const port = parentPort;
if (port) {
  port.on('message', (msg: ClaimTask) => {
    if (msg?.type !== 'claim') return;
    try {
      const claim = claimById(msg.claim);
      if (!claim) throw new Error(`unknown claim '${msg.claim}'`);
      port.postMessage({ type: 'result', id: msg.id, result: runClaim(claim, msg.opts) });
    } catch (e) {
      const err = e as Error;
      port.postMessage({ type: 'error', id: msg.id, name: err?.name ?? 'Error', message: err?.message ?? String(e) });
    }
  });
}
