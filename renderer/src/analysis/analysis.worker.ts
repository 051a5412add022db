/// <reference lib="webworker" />
// Runs the network diagnosis and the routine's facts off the UI thread (replica.ts).
import type { ToWorker } from './protocol.js';
import { WorkerReplica } from './replica.js';

declare const self: DedicatedWorkerGlobalScope;

const replica = new WorkerReplica((msg, transfer) => self.postMessage(msg, transfer ?? []));
self.onmessage = (e: MessageEvent<ToWorker>) => replica.handle(e.data);
