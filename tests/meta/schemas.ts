import { adapterJsonSchema } from '@/utils/adapters/schema';
import { managedSchema } from '@/utils/settings/managed-schema';

export function adapterSchemaText(): string {
  return `${JSON.stringify({ $id: 'adapter.schema.json', title: 'Console adapter', ...(adapterJsonSchema() as object) }, null, 2)}\n`;
}

export function managedSchemaText(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}
