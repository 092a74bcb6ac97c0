/** `npm run schemas`: writes the JSON Schemas that admins use (public/), from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { adapterSchemaText } from './schemas';

writeFileSync('public/adapter.schema.json', adapterSchemaText());
console.log('wrote public/adapter.schema.json');
