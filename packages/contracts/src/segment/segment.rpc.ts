import { z } from 'zod';
import { SegmentsPersonData, PersonExportInput } from '../contact/contact-erase';
import { Id } from '../common/primitives';
import { pageOf, PageQuery } from '../common/pagination';
import { ContactProjection } from './projection';
import { ProjectionRebuild } from './projection-rebuild';
import {
  ContactSegment,
  CreateSegmentInput,
  ListSegmentsQuery,
  PreviewSegmentInput,
  PreviewSegmentResult,
  Segment,
  SegmentExplanation,
  SegmentMember,
  UpdateSegmentInput,
  UpdateSegmentMembersInput,
  UpdateSegmentMembersResult,
} from './segment';

const ById = z.object({ id: Id }).strict();

/** `rpc.segments.*`: served by the segments service. */
export const SEGMENTS_RPC = {
  /** What this service holds about one person (their data export). */
  personExport: {
    subject: 'rpc.segments.person.export',
    input: PersonExportInput,
    output: SegmentsPersonData,
  },
  /** The segments service's read model of one contact (diagnostics, explain). */
  projection: {
    subject: 'rpc.segments.projection.get',
    input: z.object({ contactId: Id }).strict(),
    output: ContactProjection,
  },
  /** Rebuilds the workspace's profiles from the contacts service (owner only). */
  rebuildProjection: {
    subject: 'rpc.segments.projection.rebuild',
    input: z.object({}).strict(),
    output: ProjectionRebuild,
  },
  create: { subject: 'rpc.segments.create', input: CreateSegmentInput, output: Segment },
  get: { subject: 'rpc.segments.get', input: ById, output: Segment },
  list: { subject: 'rpc.segments.list', input: ListSegmentsQuery, output: pageOf(Segment) },
  update: {
    subject: 'rpc.segments.update',
    input: z.object({ id: Id, patch: UpdateSegmentInput }).strict(),
    output: Segment,
  },
  delete: { subject: 'rpc.segments.delete', input: ById, output: Segment },
  members: {
    subject: 'rpc.segments.members.list',
    input: PageQuery.extend({ id: Id }).strict(),
    output: pageOf(SegmentMember),
  },
  updateMembers: {
    subject: 'rpc.segments.members.update',
    input: z.object({ id: Id, changes: UpdateSegmentMembersInput }).strict(),
    output: UpdateSegmentMembersResult,
  },
  preview: {
    subject: 'rpc.segments.preview',
    input: PreviewSegmentInput,
    output: PreviewSegmentResult,
  },
  explain: {
    subject: 'rpc.segments.explain',
    input: z.object({ id: Id, contactId: Id }).strict(),
    output: SegmentExplanation,
  },
  ofContact: {
    subject: 'rpc.segments.ofContact',
    input: PageQuery.extend({ contactId: Id }).strict(),
    output: pageOf(ContactSegment),
  },
} as const;
