// Child process of crash.test.ts: opens the document and edits it in a loop,
// printing `ack <contact id> <revision>` once each edit is acknowledged, until killed.
// Usage: node --import tsx crashChild.ts <document path> <seed>
import { addContact, addTie, updateContact } from './crashEdits.js';
import { DocumentStore } from '../../../electron/services/documentStore.js';

const [path, seedText] = process.argv.slice(2);
let seed = Number(seedText) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// Short save delay: kills then also land during saves, backups and journal compactions.
const store = await DocumentStore.open(path!, { saveDelayMs: 5, maxSaveDelayMs: 20, backupIntervalMs: 50 });
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const id = `k_${seedText}_${n}`;
  const edits = [store.apply(addContact(store.doc, id))];
  const ids = Object.keys(store.doc.contacts);
  const other = ids[Math.floor(random() * ids.length)]!;
  if (random() < 0.3 && other !== id) edits.push(store.apply(addTie(id, other)));
  if (random() < 0.3) edits.push(store.apply(updateContact(store.doc, other)));
  const results = await Promise.all(edits);
  process.stdout.write(`ack ${id} ${results.at(-1)!.revision}\n`);
}
