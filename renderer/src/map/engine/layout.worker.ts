/// <reference lib="webworker" />
// Lays out the map off the UI thread (a separate file, not a blob: URL, so the
// page's Content Security Policy holds). Positions go back as a transferred
// typed array: no copy, no JSON.
import { clusterFirstLayout } from './layoutCore.js';
import type { LayoutReply, LayoutRequest } from './layoutProtocol.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { id, input } = e.data;
  const started = performance.now();
  try {
    const positions = clusterFirstLayout(input);
    const reply: LayoutReply = { id, positions, ms: performance.now() - started };
    self.postMessage(reply, [positions.buffer]);
  } catch (err) {
    const reply: LayoutReply = { id, error: (err as Error).message };
    self.postMessage(reply);
  }
};
