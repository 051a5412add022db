// Child process of heldCrash.test.ts: opens the document as `carnet import` does into an existing DOC,
// adds <count> contacts and writes it whole, printing `ready` just before the write and `written` after.
// Usage: node --import tsx heldCrashChild.ts <document path> <count>
import { HeldDocument } from '../../../electron/services/heldDocument.js';
import { importInto } from './helpers.js';

const [path, count] = process.argv.slice(2);
const held = await HeldDocument.open(path!);
importInto(held.doc, Number(count));
process.stdout.write('ready\n');
await held.write();
process.stdout.write('written\n');
await held.close();
