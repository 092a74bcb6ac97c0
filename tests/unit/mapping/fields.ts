import { defaultMetadata } from '../../salesforce-emulator/metadata';
import { slimObject, type ObjectMeta } from '@/utils/salesforce/describe';

/** The emulator's (captured) metadata, slimmed as the extension keeps it. */
export function objectMeta(name: string): ObjectMeta {
  const meta = defaultMetadata().get(name.toLowerCase())!;
  return slimObject(meta.describe, meta.layouts);
}
