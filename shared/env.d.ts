// shared/ runs in the renderer, in workers and in Node: it may use only what all of them have.
declare const crypto: { randomUUID(): string };
declare function structuredClone<T>(value: T): T;
