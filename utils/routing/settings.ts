import * as z from 'zod';
import { i18n } from '#i18n';

/** The records a routing rule can look at: the visitor's contact or lead, or the account (a contact's own, or the match). */
export const ROUTE_OBJECTS = ['Contact', 'Lead', 'Account'] as const;
export type RouteObject = (typeof ROUTE_OBJECTS)[number];
export const ROUTE_TARGETS = ['owner', 'department'] as const;

/**
 * One rule of seed 000's "route a visitor to his/her account manager": when a field of the
 * visitor's record is one of `values` (any value, when none are listed), suggest transferring the
 * chat to that record's owner, or to a department of the console.
 */
export const RoutingRule = z
  .object({
    object: z.enum(ROUTE_OBJECTS),
    /** A field's API name; it is read with the record (it goes into SOQL as a name, so nothing else may pass). */
    field: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, { error: () => i18n.t('schema.fieldName') }),
    values: z.array(z.string().min(1).max(255)).max(50),
    to: z.enum(ROUTE_TARGETS),
    /** The console's department (its name as the console's transfer dialog shows it), for `to: department`. */
    department: z.string().max(120).optional(),
  })
  .refine((rule) => rule.to !== 'department' || !!rule.department?.trim(), { error: () => i18n.t('schema.routing.department'), path: ['department'] });
export type RoutingRule = z.infer<typeof RoutingRule>;

export const RoutingSettings = z.object({
  /** The first rule that applies is the suggestion. */
  rules: z.array(RoutingRule).max(30),
});
export type RoutingSettings = z.infer<typeof RoutingSettings>;

/** No rules: the panel shows the record's owner, and offers the transfer, but suggests nothing. */
export const DEFAULT_ROUTING: RoutingSettings = { rules: [] };
