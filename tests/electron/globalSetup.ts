import { ELECTRON_BINARY, SKIP_MESSAGE } from './electronBinary.js';

/** Says once, up front, why every test of the suite is about to be skipped. */
export default function globalSetup(): void {
  if (!ELECTRON_BINARY) console.log(SKIP_MESSAGE);
}
