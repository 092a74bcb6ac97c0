import * as z from 'zod/mini';

/**
 * What we keep of Salesforce's describe and describeLayout: enough to label, order, format,
 * edit and validate fields, a few KB per object instead of ~100 KB. Shared with the panel
 * (zod/mini keeps the content script small).
 */
export const PicklistValue = z.object({
  value: z.string(),
  label: z.string(),
  defaultValue: z.optional(z.boolean()),
  /** Its position among ALL the field's values (inactive ones too): what a dependent field's validFor bits count. */
  index: z._default(z.number(), 0),
  /** For a dependent picklist: the controlling values it is valid for, as Salesforce's base64 bitmap. */
  validFor: z.optional(z.string()),
});
export type PicklistValue = z.infer<typeof PicklistValue>;

export const FieldMeta = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  length: z.number(),
  nillable: z.boolean(),
  createable: z.boolean(),
  updateable: z.boolean(),
  defaultedOnCreate: z.boolean(),
  calculated: z.boolean(),
  restrictedPicklist: z.boolean(),
  /** Active values only, in the org's order. */
  picklistValues: z.array(PicklistValue),
  referenceTo: z.array(z.string()),
  relationshipName: z.nullable(z.string()),
  /** The field a dependent picklist depends on. */
  controllerName: z._default(z.nullable(z.string()), null),
  precision: z.number(),
  scale: z.number(),
  digits: z.number(),
  /** Marked External ID: a write can upsert by it (the chat key field). */
  externalId: z._default(z.boolean(), false),
  /** Unique: an upsert by an External ID that is not unique needs View All Data, which agents lack. */
  unique: z._default(z.boolean(), false),
});
export type FieldMeta = z.infer<typeof FieldMeta>;

export const ObjectMeta = z.object({
  name: z.string(),
  label: z.string(),
  fields: z.array(FieldMeta),
  /** Field names in the order of the default page layout (compound fields expanded). */
  layoutOrder: z.array(z.string()),
  /** Where the layout names a field otherwise than describe ("Contact Owner" for "Owner ID"). */
  layoutLabels: z.record(z.string(), z.string()),
  /** The layout's sections, each with its fields in tab order (what forms are built from). */
  sections: z._default(z.array(z.object({ heading: z.string(), fields: z.array(z.string()) })), []),
  /** Fields the layout marks required beyond what describe says. */
  layoutRequired: z._default(z.array(z.string()), []),
  /** The record types the user can create (none listed when there is only Master). */
  recordTypes: z._default(z.array(z.object({ id: z.string(), name: z.string(), default: z.boolean() })), []),
  /** Per record type, the picklist values it allows, by field. */
  recordTypePicklists: z._default(z.record(z.string(), z.record(z.string(), z.array(z.string()))), {}),
  /** Sections of the record types whose page layout is not the default one. */
  recordTypeSections: z._default(z.record(z.string(), z.array(z.object({ heading: z.string(), fields: z.array(z.string()) }))), {}),
  etags: z.object({ describe: z.optional(z.string()), layouts: z.optional(z.string()) }),
});
export type ObjectMeta = z.infer<typeof ObjectMeta>;

type RawField = {
  name: string; label: string; type: string; length?: number; nillable?: boolean; createable?: boolean; updateable?: boolean;
  defaultedOnCreate?: boolean; calculated?: boolean; restrictedPicklist?: boolean; referenceTo?: string[]; relationshipName?: string | null;
  precision?: number; scale?: number; digits?: number;
  picklistValues?: { value: string; label: string | null; active: boolean; defaultValue?: boolean; validFor?: string | null }[];
  controllerName?: string | null;
  dependentPicklist?: boolean;
  externalId?: boolean;
  unique?: boolean;
};
type RawComponent = { type?: string; value?: string; tabOrder?: number; components?: RawComponent[] };
type RawItem = { label?: string; required?: boolean; layoutComponents?: RawComponent[] };
type RawSection = { heading?: string; layoutRows?: { layoutItems?: RawItem[] }[] };
type RawLayouts = {
  layouts?: { id?: string; detailLayoutSections?: RawSection[]; editLayoutSections?: RawSection[] }[];
  recordTypeMappings?: {
    defaultRecordTypeMapping?: boolean; layoutId?: string; recordTypeId?: string; name?: string; available?: boolean; master?: boolean;
    picklistsForRecordType?: { picklistName?: string; picklistValues?: { value?: string }[] }[];
  }[];
};

/**
 * Field names in the default layout's reading order: section by section, each in its tab order
 * (a two-column section reads down the left column, then the right), compound parts after
 * their whole. This is the order Salesforce shows on a one-column screen.
 */
export type LayoutInfo = {
  order: string[]; labels: Record<string, string>; sections: { heading: string; fields: string[] }[]; required: string[];
  recordTypes: ObjectMeta['recordTypes']; recordTypePicklists: ObjectMeta['recordTypePicklists']; recordTypeSections: ObjectMeta['recordTypeSections'];
};

/** The record types a user can pick (available, not Master) and each one's picklist values. */
function recordTypesOf(layouts: RawLayouts): Pick<LayoutInfo, 'recordTypes' | 'recordTypePicklists'> {
  const usable = (layouts.recordTypeMappings ?? []).filter((m) => m.available && !m.master && m.recordTypeId);
  return {
    recordTypes: usable.map((m) => ({ id: m.recordTypeId!, name: m.name ?? m.recordTypeId!, default: !!m.defaultRecordTypeMapping })),
    recordTypePicklists: Object.fromEntries(usable.map((m) => [m.recordTypeId!, Object.fromEntries((m.picklistsForRecordType ?? []).map((p) => [p.picklistName ?? '', (p.picklistValues ?? []).map((v) => v.value ?? '')]))])),
  };
}

export function layoutOf(raw: unknown): LayoutInfo {
  const layouts = (raw ?? {}) as RawLayouts;
  const defaultId = layouts.recordTypeMappings?.find((m) => m.defaultRecordTypeMapping)?.layoutId;
  const layout = layouts.layouts?.find((l) => l.id === defaultId) ?? layouts.layouts?.[0];
  // Record types whose page layout is not the default one get their own sections.
  const recordTypeSections: LayoutInfo['recordTypeSections'] = {};
  for (const m of layouts.recordTypeMappings ?? []) {
    const own = m.recordTypeId && m.layoutId !== layout?.id ? layouts.layouts?.find((l) => l.id === m.layoutId) : undefined;
    if (own) recordTypeSections[m.recordTypeId!] = readLayout(own).sections;
  }
  return { ...readLayout(layout), ...recordTypesOf(layouts), recordTypeSections };
}

/** One page layout: reading order, labels, sections with their fields in tab order, required fields. */
function readLayout(layout: NonNullable<RawLayouts['layouts']>[number] | undefined): Pick<LayoutInfo, 'order' | 'labels' | 'sections' | 'required'> {
  const order: string[] = [];
  const labels: Record<string, string> = {};
  const required = new Set<string>();
  const sections: LayoutInfo['sections'] = [];
  for (const section of layout?.editLayoutSections ?? layout?.detailLayoutSections ?? []) {
    const rawItems = (section.layoutRows ?? []).flatMap((row) => row.layoutItems ?? []);
    for (const item of rawItems) {
      const only = item.layoutComponents?.length === 1 ? item.layoutComponents[0] : undefined;
      if (only?.type === 'Field' && only.value && !only.components?.length) {
        if (item.label) labels[only.value] = item.label;
        if (item.required) required.add(only.value);
      }
    }
    const items = rawItems.flatMap((item) => item.layoutComponents ?? []);
    const sorted = items.map((c, i) => ({ c, at: c.tabOrder ?? i })).sort((a, b) => a.at - b.at);
    const fields: string[] = [];
    const visit = (c: RawComponent) => {
      if (c.type === 'Field' && c.value) {
        order.push(c.value);
        // A compound field (Name, an address) is written through its parts.
        if (!c.components?.length) fields.push(c.value);
      }
      c.components?.forEach(visit);
    };
    for (const { c } of sorted) visit(c);
    sections.push({ heading: section.heading ?? '', fields: [...new Set(fields)] });
  }
  return { order: [...new Set(order)], labels, sections, required: [...required] };
}

/** A describe body (and its layouts) → ObjectMeta. */
export function slimObject(describe: unknown, layouts: unknown, etags: ObjectMeta['etags'] = {}): ObjectMeta {
  const d = describe as { name: string; label: string; fields: RawField[] };
  return {
    name: d.name,
    label: d.label,
    fields: d.fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      length: f.length ?? 0,
      nillable: f.nillable ?? true,
      createable: f.createable ?? false,
      updateable: f.updateable ?? false,
      defaultedOnCreate: f.defaultedOnCreate ?? false,
      calculated: f.calculated ?? false,
      restrictedPicklist: f.restrictedPicklist ?? false,
      picklistValues: (f.picklistValues ?? [])
        .map((p, index) => ({ p, index }))
        .filter(({ p }) => p.active)
        .map(({ p, index }) => ({ value: p.value, label: p.label ?? p.value, index, ...(p.defaultValue ? { defaultValue: true } : {}), ...(f.dependentPicklist && p.validFor ? { validFor: p.validFor } : {}) })),
      referenceTo: f.referenceTo ?? [],
      relationshipName: f.relationshipName ?? null,
      controllerName: f.dependentPicklist ? (f.controllerName ?? null) : null,
      precision: f.precision ?? 0,
      scale: f.scale ?? 0,
      digits: f.digits ?? 0,
      externalId: f.externalId ?? false,
      unique: f.unique ?? false,
    })),
    ...layoutFields(layoutOf(layouts)),
    etags,
  };
}

/** The layout's part of ObjectMeta. */
export function layoutFields(layout: LayoutInfo): Pick<ObjectMeta, 'layoutOrder' | 'layoutLabels' | 'sections' | 'layoutRequired' | 'recordTypes' | 'recordTypePicklists' | 'recordTypeSections'> {
  return {
    layoutOrder: layout.order, layoutLabels: layout.labels, sections: layout.sections, layoutRequired: layout.required,
    recordTypes: layout.recordTypes, recordTypePicklists: layout.recordTypePicklists, recordTypeSections: layout.recordTypeSections,
  };
}

export const fieldOf = (meta: ObjectMeta | undefined, name: string): FieldMeta | undefined =>
  meta?.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
