import { defineCommand } from '../command.js';

export const schema = defineCommand({
  name: 'schema',
  summary: 'Print the JSON Schema of the Carnet document format',
  usage: '',
  description: `
Prints the JSON Schema (draft 2020-12) of a Carnet document, generated from
the schema Carnet itself validates with. It describes what Carnet accepts:
fields with a default may be left out. References between collections (a tie
naming an existing contact…) are checked by 'carnet validate', not by the
schema. The format is documented in docs/format.md.`,
  options: {},
  positionals: { min: 0, max: 0, names: '' },
  async run(_args, io) {
    const { documentJsonSchema } = await import('../documentJsonSchema.js');
    io.out(`${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
    return 0;
  },
});
