import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import account from './describe-Account.json' with { type: 'json' };
import caseDescribe from './describe-Case.json' with { type: 'json' };
import contact from './describe-Contact.json' with { type: 'json' };
import lead from './describe-Lead.json' with { type: 'json' };
import type { SObjectDescribe } from './fields';
import { buildLayouts } from './layouts';
import { contentVersionDescribe } from './content-version';
import { makeDependent } from './dependent';
import { addRecordTypes, recordTypeDescribe } from './record-types';
import { taskDescribe } from './task';
import { userDescribe } from './user';
import { organizationDescribe } from './organization';

export type ObjectMetadata = {
  describe: SObjectDescribe;
  /** The `describe/layouts` body: captured from an org, or built from LAYOUT_SPECS. */
  layouts: ReturnType<typeof buildLayouts> | Record<string, unknown>;
};

/** The org's objects: the captured describes, plus Task, User and ContentVersion built in the same shape. */
export function defaultMetadata(): Map<string, ObjectMetadata> {
  const describes = [contact, lead, account, caseDescribe].map((d) => structuredClone(d) as unknown as SObjectDescribe);
  // As many orgs configure it: a case's reason depends on its type.
  makeDependent(describes[3]!, 'Reason', 'Type', {
    Mechanical: ['Installation', 'Breakdown', 'Equipment Design'],
    Electrical: ['Installation', 'Breakdown', 'Performance'],
    Electronic: ['Performance', 'Equipment Complexity', 'Breakdown'],
    Structural: ['Equipment Design', 'Installation'],
    Other: ['Feedback', 'Other'],
  });
  describes.push(structuredClone(taskDescribe), structuredClone(userDescribe), structuredClone(contentVersionDescribe), structuredClone(recordTypeDescribe), structuredClone(organizationDescribe));
  const metadata = new Map(describes.map((d) => [d.name.toLowerCase(), { describe: d, layouts: buildLayouts(d) }]));
  // Cases come in two record types, each with its own types of case.
  addRecordTypes(metadata.get('case')!, [
    { name: 'Support', developerName: 'Support', default: true },
    { name: 'Billing', developerName: 'Billing', picklists: { Type: ['Other'], Origin: ['Email', 'Web'] } },
  ], 901);
  return metadata;
}

/**
 * Overlays describe and layout JSON captured from a real org, unmodified: files named
 * `describe-<Object>.json` and `layouts-<Object>.json` (the bodies of `sobjects/<Object>/describe`
 * and `sobjects/<Object>/describe/layouts`).
 */
export function loadMetadataDir(dir: string, into = defaultMetadata()): Map<string, ObjectMetadata> {
  const files = readdirSync(dir);
  for (const file of files.filter((f) => /^describe-.+\.json$/.test(f))) {
    const describe = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SObjectDescribe;
    const layoutFile = `layouts-${describe.name}.json`;
    const layouts = files.includes(layoutFile) ? JSON.parse(readFileSync(join(dir, layoutFile), 'utf8')) : buildLayouts(describe);
    into.set(describe.name.toLowerCase(), { describe, layouts });
  }
  return into;
}
