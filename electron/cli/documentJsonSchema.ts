/** The JSON Schema of the document format, generated from the zod schema so the two never drift apart. */
import { z } from 'zod';
import { describeIdRecords } from '../../shared/document/idMap.js';
import { CarnetDocument, CURRENT_VERSION } from '../../shared/document/schema.js';

/** JSON Schema (draft 2020-12) of what Carnet accepts as a document (`io: 'input'`: defaulted fields are optional). */
export function documentJsonSchema(): Record<string, unknown> {
  const params = { target: 'draft-2020-12', io: 'input' } as const;
  const generated = z.toJSONSchema(CarnetDocument, { ...params, override: describeIdRecords(params) }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    title: `Carnet document, format version ${CURRENT_VERSION}`,
    description:
      'A Carnet contact graph. Collections are objects keyed by id. References between collections are checked by `carnet validate`, not by this schema. See docs/format.md.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
}
