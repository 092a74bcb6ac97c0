/** `npm run schemas`: writes the JSON Schemas that admins use (public/), from the zod schemas. */
import { writeFileSync } from 'node:fs';
import { adapterSchemaText, managedSchemaText } from './schemas';

writeFileSync('public/adapter.schema.json', adapterSchemaText());
writeFileSync('public/managed_schema.json', managedSchemaText());
console.log('wrote public/adapter.schema.json and public/managed_schema.json');
