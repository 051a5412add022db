export * from './idMap.js';
export * from './schema.js';
export * from './migrations.js';
export * from './validate.js';
export * from './operations.js';
export * from './commands.js';
