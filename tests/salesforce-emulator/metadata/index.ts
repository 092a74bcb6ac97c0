import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import account from './describe-Account.json' with { type: 'json' };
import caseDescribe from './describe-Case.json' with { type: 'json' };
import contact from './describe-Contact.json' with { type: 'json' };
import event from './describe-Event.json' with { type: 'json' };
import lead from './describe-Lead.json' with { type: 'json' };
import opportunity from './describe-Opportunity.json' with { type: 'json' };
import opportunityContactRole from './describe-OpportunityContactRole.json' with { type: 'json' };
import type { SObjectDescribe } from './fields';
import { buildLayouts, type Layouts } from './layouts';
import { contentDocumentDescribe, contentVersionDescribe } from './content-version';
import { makeDependent } from './dependent';
import { addRecordTypes, recordTypeDescribe } from './record-types';
import { taskDescribe } from './task';
import { userDescribe } from './user';
import { agentWorkDescribe, servicePresenceStatusDescribe, userServicePresenceDescribe } from './presence';
import { organizationDescribe } from './organization';
import { usableDescribe, usableLayouts } from './usable';

export { applyFieldSecurity, type FieldAccessRule } from './field-security';

export type ObjectMetadata = {
  describe: SObjectDescribe;
  /** The `describe/layouts` body: captured from an org, or built by buildLayouts. */
  layouts: Layouts | Record<string, unknown>;
};

/** Describes captured from real orgs (see CAPTURED.md). */
const CAPTURED = [contact, lead, account, caseDescribe, event, opportunity, opportunityContactRole];
/** Objects no public capture exists for, built in the same shape. */
const BUILT = [taskDescribe, userDescribe, contentVersionDescribe, contentDocumentDescribe, recordTypeDescribe, organizationDescribe, servicePresenceStatusDescribe, userServicePresenceDescribe, agentWorkDescribe];

/** The org's objects: the captured describes, plus Task, User, ContentVersion… built in the same shape. */
export function defaultMetadata(): Map<string, ObjectMetadata> {
  const describes = [...CAPTURED, ...BUILT].map((d) => structuredClone(d) as unknown as SObjectDescribe);
  const metadata = new Map(describes.map((d) => [d.name.toLowerCase(), { describe: d, layouts: buildLayouts(d) }]));
  const cases = metadata.get('case')!;
  // As many orgs configure it: a case's reason depends on its type.
  makeDependent(cases.describe, 'Reason', 'Type', {
    Mechanical: ['Installation', 'Breakdown', 'Equipment Design'],
    Electrical: ['Installation', 'Breakdown', 'Performance'],
    Electronic: ['Performance', 'Equipment Complexity', 'Breakdown'],
    Structural: ['Equipment Design', 'Installation'],
    Other: ['Feedback', 'Other'],
  });
  // Cases come in two record types, each with its own types of case.
  addRecordTypes(cases, [
    { name: 'Support', developerName: 'Support', default: true },
    { name: 'Billing', developerName: 'Billing', picklists: { Type: ['Other'], Origin: ['Email', 'Web'] } },
  ], 901);
  return metadata;
}

/**
 * One object for the org: its describe body and, optionally, its `describe/layouts` body, each as
 * JSON text or parsed. `source` names where they came from, for errors.
 */
export type MetadataSource = { source: string; describe: unknown; layouts?: unknown; layoutsSource?: string };

/**
 * Adds objects to the org's metadata (replacing built-in ones of the same name), as real orgs
 * describe them: any fields, record types or none. Layouts not given are built from the
 * describe. Throws, naming the source, for a body the org cannot use.
 */
export function loadMetadata(sources: MetadataSource[], into = defaultMetadata()): Map<string, ObjectMetadata> {
  const loadedFrom = new Map<string, string>();
  for (const { source, describe: body, layouts, layoutsSource = `${source} (layouts)` } of sources) {
    const describe = usableDescribe(body, source);
    const key = describe.name.toLowerCase();
    // Two describes of one object (a business and a person account org, say) are two orgs, not one.
    const earlier = loadedFrom.get(key);
    if (earlier) throw new Error(`${source}: describes ${describe.name}, as ${earlier} does already`);
    loadedFrom.set(key, source);
    into.set(key, { describe, layouts: layouts === undefined ? buildLayouts(describe) : usableLayouts(layouts, layoutsSource) });
  }
  return into;
}

/**
 * Overlays describe and layout JSON captured from a real org, unmodified: files named
 * `describe-<Object>.json` and, optionally, `layouts-<Object>.json` (the bodies of
 * `sobjects/<Object>/describe` and `sobjects/<Object>/describe/layouts`).
 */
export function loadMetadataDir(dir: string, into = defaultMetadata()): Map<string, ObjectMetadata> {
  const files = readdirSync(dir).sort();
  const describeFiles = files.filter((f) => /^describe-.+\.json$/.test(f));
  const orphan = files.find((f) => /^layouts-.+\.json$/.test(f) && !describeFiles.includes(f.replace(/^layouts-/, 'describe-')));
  if (orphan) throw new Error(`${join(dir, orphan)}: no ${orphan.replace(/^layouts-/, 'describe-')} next to it: layouts go with their describe`);
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return loadMetadata(
    describeFiles.map((file) => {
      const layoutsFile = file.replace(/^describe-/, 'layouts-');
      const layouts = files.includes(layoutsFile) ? { layouts: read(layoutsFile), layoutsSource: join(dir, layoutsFile) } : {};
      return { source: join(dir, file), describe: read(file), ...layouts };
    }),
    into,
  );
}
