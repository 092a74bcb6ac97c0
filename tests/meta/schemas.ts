import { adapterJsonSchema } from '@/utils/adapters/schema';

export function adapterSchemaText(): string {
  return `${JSON.stringify({ $id: 'adapter.schema.json', title: 'Console adapter', ...(adapterJsonSchema() as object) }, null, 2)}\n`;
}
