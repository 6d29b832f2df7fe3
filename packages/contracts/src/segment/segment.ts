import { z } from 'zod';
import { checkJson } from '../common/bounded-json';
import { LIMITS } from '../common/limits';
import { PageQuery } from '../common/pagination';
import { Id, NonEmptyText, Timestamp } from '../common/primitives';

export const SegmentType = z.enum(['static', 'dynamic']);
export type SegmentType = z.infer<typeof SegmentType>;

/**
 * A segment filter: the JSON AST of the segment filter language (`{and|or: [F…]}`, `{not: F}`,
 * `{field, op, value}`, `{activity, count, within?}`, `{segment, op}`). Its structure, fields,
 * operators, values, custom fields (by the workspace's definitions), referenced segments and
 * complexity limits are checked by the segments service; errors name the path in the filter
 * (`filter.and.1.value`).
 */
export const SegmentFilter = z
  .record(z.unknown())
  .describe('Segment filter AST (see the contract: and/or/not, field, activity, segment)');
export type SegmentFilter = z.infer<typeof SegmentFilter>;
/** A filter as an input: bounded in size, depth and keys before the segment language reads it. */
const FilterInput = SegmentFilter.superRefine(checkJson(LIMITS.filter));

const Name = NonEmptyText(200);
const Description = z.string().max(2000).nullable();

/** `POST /v1/segments`: a dynamic segment needs a filter, a static one takes none. */
export const CreateSegmentInput = z
  .object({
    name: Name,
    description: Description.optional(),
    type: SegmentType,
    filter: FilterInput.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.type === 'dynamic' && !v.filter)
      ctx.addIssue({
        code: 'custom',
        path: ['filter'],
        message: 'a dynamic segment needs a filter',
      });
    if (v.type === 'static' && v.filter)
      ctx.addIssue({
        code: 'custom',
        path: ['filter'],
        message: 'a static segment takes no filter',
      });
  });
export type CreateSegmentInput = z.infer<typeof CreateSegmentInput>;

/**
 * `PATCH /v1/segments/:id`: absent = unchanged. Changing `type` or `filter` starts a new
 * definition version (a full evaluation); `filter: null` only with `type: "static"`.
 * `version` (optional) refuses the write with `version_conflict` when the segment moved on.
 */
export const UpdateSegmentInput = z
  .object({
    name: Name.optional(),
    description: Description.optional(),
    type: SegmentType.optional(),
    filter: FilterInput.nullable().optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type UpdateSegmentInput = z.infer<typeof UpdateSegmentInput>;

export const SegmentStatus = z.enum(['evaluating', 'ready']);
export type SegmentStatus = z.infer<typeof SegmentStatus>;

export const SegmentDependencies = z.object({
  /** Segments its filter reads. */
  segments: z.array(Id),
  /** Its answer drifts with time (relative dates, activity windows). */
  relativeTime: z.boolean(),
  /** It reads behavioural counters. */
  activity: z.boolean(),
});

/** The definition as stored (what events carry). */
export const SegmentDefinition = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  description: z.string().nullable(),
  type: SegmentType,
  filter: SegmentFilter.nullable(),
  dependsOn: SegmentDependencies,
  /** Moves when what decides membership (type, filter) changes. */
  definitionVersion: z.number().int().positive(),
  version: z.number().int().positive(),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SegmentDefinition = z.infer<typeof SegmentDefinition>;

/**
 * A segment as the API shows it: `status` is `ready` once the full evaluation of the current
 * definition version has finished (static segments: always), `memberCount` is counted from the
 * membership edges when read.
 */
export const Segment = SegmentDefinition.extend({
  status: SegmentStatus,
  memberCount: z.number().int().nonnegative(),
});
export type Segment = z.infer<typeof Segment>;

export const SegmentIdParams = z.object({ id: Id }).strict();
export const SegmentContactParams = z.object({ id: Id, contactId: Id }).strict();

/** `GET /v1/segments`: by name; `type` narrows. */
export const ListSegmentsQuery = PageQuery.extend({ type: SegmentType.optional() }).strict();
export type ListSegmentsQuery = z.infer<typeof ListSegmentsQuery>;

export const SegmentMember = z.object({
  contactId: Id,
  via: z.enum(['rule', 'explicit']),
  joinedAt: Timestamp,
});
export type SegmentMember = z.infer<typeof SegmentMember>;

export const MAX_MEMBER_CHANGES = 500;
const Ids = z.array(Id).max(MAX_MEMBER_CHANGES);

/**
 * `POST /v1/segments/:id/members`. `add`: explicit include (a member whatever the filter says,
 * while the contact is active). `remove`: explicit exclude (never a member, whatever the filter
 * says). `reset` (extension): forget the explicit request, the filter decides again. Each
 * request replaces the previous one for that contact; all of them survive re-evaluation.
 */
export const UpdateSegmentMembersInput = z
  .object({
    add: Ids.default([]),
    remove: Ids.default([]),
    reset: Ids.default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.add.length + v.remove.length + v.reset.length === 0)
      ctx.addIssue({ code: 'custom', path: [], message: 'nothing to change' });
    const seen = new Set<string>();
    for (const key of ['add', 'remove', 'reset'] as const) {
      v[key].forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({ code: 'custom', path: [key, i], message: 'contact named twice' });
        seen.add(id);
      });
    }
  });
export type UpdateSegmentMembersInput = z.infer<typeof UpdateSegmentMembersInput>;

/** What was recorded; memberships follow once the worker has evaluated the contacts. */
export const UpdateSegmentMembersResult = z.object({
  included: z.number().int().nonnegative(),
  excluded: z.number().int().nonnegative(),
  reset: z.number().int().nonnegative(),
});
export type UpdateSegmentMembersResult = z.infer<typeof UpdateSegmentMembersResult>;

export const PREVIEW_SAMPLE_MAX = 50;
/** `POST /v1/segments/preview`: evaluates a filter now, without saving anything. */
export const PreviewSegmentInput = z
  .object({
    filter: FilterInput,
    sampleSize: z.number().int().min(0).max(PREVIEW_SAMPLE_MAX).default(10),
  })
  .strict();
export type PreviewSegmentInput = z.infer<typeof PreviewSegmentInput>;

export const PreviewSegmentResult = z.object({
  /** Contacts (active) matching the filter among those scanned. */
  count: z.number().int().nonnegative(),
  /** The first matches by contact id. */
  sample: z.array(
    z.object({ contactId: Id, displayName: z.string().nullable(), email: z.string().nullable() }),
  ),
  scanned: z.number().int().nonnegative(),
  /** True when the scan stopped at its bound: `count` is then a lower bound. */
  truncated: z.boolean(),
});
export type PreviewSegmentResult = z.infer<typeof PreviewSegmentResult>;

/**
 * One node of an explanation: groups (`and`/`or`/`not`) with `children` (nodes of this same
 * shape), leaves with the condition and what was observed (`actual`: the field's value, the
 * event count, the membership). Described one level deep: the documents take no recursion.
 */
export const ExplainNode = z.object({
  condition: z.unknown(),
  held: z.boolean(),
  children: z.array(z.record(z.unknown())).optional(),
  actual: z.unknown().optional(),
});
export type ExplainNode = z.infer<typeof ExplainNode>;

/** `GET /v1/segments/:id/explain/:contactId`. */
export const SegmentExplanation = z.object({
  segmentId: Id,
  contactId: Id,
  /** Whether the edge says the contact is a member now. */
  member: z.boolean(),
  via: z.enum(['rule', 'explicit']).nullable(),
  /** The explicit request on record, if any. */
  explicit: z.enum(['include', 'exclude']).nullable(),
  /** The contact is active (archived or merged contacts are in no segment). */
  active: z.boolean(),
  /** The filter evaluated now against the contact's profile (null: static, or no profile yet). */
  ruleMatch: z.boolean().nullable(),
  conditions: ExplainNode.nullable(),
  joinedAt: Timestamp.nullable(),
  leftAt: Timestamp.nullable(),
  evaluatedAt: Timestamp,
});
export type SegmentExplanation = z.infer<typeof SegmentExplanation>;

/** `GET /v1/contacts/:id/segments`: the segments the contact is a member of, by segment id. */
export const ContactSegment = z.object({
  segmentId: Id,
  name: z.string(),
  type: SegmentType,
  via: z.enum(['rule', 'explicit']),
  joinedAt: Timestamp,
});
export type ContactSegment = z.infer<typeof ContactSegment>;
