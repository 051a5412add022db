// shared/ runs in the renderer, in workers and in Node: it may use only what all of them have.
declare const crypto: { randomUUID(): string };
declare function structuredClone<T>(value: T): T;
// Text decoding for imports: every target (Node, Chromium, workers) has the WHATWG TextDecoder/TextEncoder.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
