export { Id, Timestamp, NonEmptyText } from './common/primitives';
export { PageQuery, pageOf, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from './common/pagination';
export type { Page } from './common/pagination';
export { Problem } from './common/problem';
export { boundedJson, checkJson, jsonProblem, TOO_LARGE } from './common/bounded-json';
export type { JsonBounds, JsonProblem } from './common/bounded-json';
export { LIMITS, EVENT_MAX_BYTES, REPLY_PAGE_BUDGET_BYTES } from './common/limits';
export { ERROR_CODES, ErrorCode, ErrorPayload, FieldError } from './errors/error-codes';
export { RequestContext, Actor, ActorType, OwnershipScope } from './context/request-context';
export { EventEnvelope } from './events/event-envelope';
export { EVENT_CATALOG } from './events/event-catalog';
export type { EventType, EventData } from './events/event-catalog';
export { STREAMS, STREAM_LIMITS, SUBJECT_ROOTS } from './events/streams';
export { SignupInput, LoginInput, User, Workspace, Session, DEFAULT_ROLES } from './auth/auth';
export type { DefaultRole } from './auth/auth';
export {
  RoleName,
  RefreshInput,
  LogoutInput,
  Me,
  CreateInvitationInput,
  Invitation,
  InvitationCreated,
  InvitationIdParams,
  AcceptInvitationInput,
  Member,
  UserIdParams,
  UpdateMemberInput,
  CreateRoleInput,
  PutRoleInput,
  DeleteRoleInput,
  RoleKeyParams,
  RoleDeleted,
  Role,
  CreateApiKeyInput,
  ApiKey,
  ApiKeyCreated,
  IdParams,
} from './auth/identity';
export { CAPABILITIES } from './auth/capabilities';
export type { Capability } from './auth/capabilities';
export {
  CHANNEL_TYPES,
  ChannelType,
  ChannelInput,
  Channel,
  SuppressionReason,
  ConsentStatus,
  ConsentChange,
  CONSENT_HISTORY_MAX,
} from './contact/channel';
export {
  ChannelKey,
  ChannelConsentParams,
  RecordConsentInput,
  CHANNEL_CONSENT_RPC,
} from './contact/channel-consent';
export {
  Suppression,
  SuppressionStatus,
  SuppressionHistoryEntry,
  SUPPRESSION_HISTORY_MAX,
  CreateSuppressionInput,
  ListSuppressionsQuery,
  SuppressionIdParams,
  RecordSuppressionInput,
} from './suppression/suppression';
export {
  SUPPRESSION_EVENTS,
  SuppressionAddedV1,
  SuppressionLiftedV1,
} from './suppression/suppression-events';
export { SUPPRESSIONS_RPC } from './suppression/suppression.rpc';
export {
  Address,
  CompanyLink,
  CreateContactInput,
  UpdateContactInput,
  Contact,
  ContactStatus,
  ContactIdParams,
  StageTransition,
  StatusTransition,
} from './contact/contact';
export {
  ContactFilter,
  ListContactsQuery,
  ExportContactsQuery,
  ContactSort,
  CONTACT_SORTS,
  CustomFieldFilterValue,
  CUSTOM_FILTER_KEY,
  CONTACT_LIST_RPC,
} from './contact/contact-query';
export {
  PII_MOVEMENT_AUDIT_TAG,
  EXPORT_PAGE_MAX,
  ExportPageInput,
  ExportPage,
  ExportStatus,
  RecordExportInput,
  StartExportInput,
  ExportRecord,
  ExportRecordStatus,
  ExportStartedV1,
  ExportCompletedV1,
} from './contact/contact-export';
export {
  SegmentMemberChangedV1,
  SegmentCreatedV1,
  SegmentUpdatedV1,
  SegmentDeletedV1,
} from './segment/segment-events';
export {
  SegmentType,
  SegmentFilter,
  CreateSegmentInput,
  UpdateSegmentInput,
  SegmentStatus,
  SegmentDependencies,
  SegmentDefinition,
  Segment,
  SegmentIdParams,
  SegmentContactParams,
  ListSegmentsQuery,
  SegmentMember,
  MAX_MEMBER_CHANGES,
  UpdateSegmentMembersInput,
  UpdateSegmentMembersResult,
  PREVIEW_SAMPLE_MAX,
  PreviewSegmentInput,
  PreviewSegmentResult,
  ExplainNode as SegmentExplainNode,
  SegmentExplanation,
  ContactSegment,
} from './segment/segment';
export {
  FieldChange,
  ContactCreatedV1,
  ContactUpdatedV1,
  ContactArchivedV1,
  ContactRestoredV1,
  ContactTagsChangedV1,
  ContactOwnerChangedV1,
  ContactStageChangedV1,
  ContactMergedV1,
  CONTACT_EVENT_HISTORY_MAX,
  CONTACT_EVENT_SEGMENT_IDS_MAX,
  CONTACT_EVENT_MAX_BYTES,
} from './contact/contact-events';
export {
  CustomFieldTypes,
  ContactSnapshot,
  ContactSnapshotPageInput,
  ContactSnapshotPage,
  SnapshotWorkspacesInput,
  SnapshotWorkspacesPage,
  SNAPSHOT_PAGE_MAX,
  SNAPSHOT_WORKSPACES_PAGE,
} from './contact/contact-snapshot';
export { ProjectionRebuild, ProjectionRebuildStatus } from './segment/projection-rebuild';
export {
  ContactTagsInput,
  BULK_CONTACT_ACTIONS,
  BulkContactAction,
  MAX_BULK_CONTACTS,
  BulkContactsInput,
  BulkContactError,
  BulkContactsResult,
  MERGE_FIELDS,
  MergeField,
  MergeResolution,
  MergeContactsInput,
  MergeConflict,
  MergeContactsResult,
} from './contact/contact-writes';
export {
  StageCategory,
  StageInput,
  CreatePipelineInput,
  UpdatePipelineInput,
  Stage,
  Pipeline,
  PipelineIdParams,
  PipelineStageParams,
  DeleteStageQuery,
} from './deal/pipeline';
export {
  Money,
  CalendarDate,
  CreateDealInput,
  UpdateDealInput,
  MoveDealInput,
  DealStatus,
  StageVisit,
  DealOutcome,
  Deal,
  DealIdParams,
  ListDealsQuery,
  BoardColumn,
  Board,
  BoardQuery,
} from './deal/deal';
export {
  DealCreatedV1,
  DealUpdatedV1,
  DealStageChangedV1,
  DealWonV1,
  DealLostV1,
} from './deal/deal-events';
export {
  TaskPriority,
  TaskStatus,
  TaskAnchor,
  TaskAnchorRef,
  CreateTaskInput,
  UpdateTaskInput,
  Task,
  TaskIdParams,
  ListTasksQuery,
} from './task/task';
export {
  TaskCreatedV1,
  TaskAssignedV1,
  TaskUpdatedV1,
  TaskCompletedV1,
  TaskDeletedV1,
  TaskDueV1,
} from './task/task-events';
export {
  TimelineAnchorType,
  KnownTimelineEntry,
  GenericTimelineEntry,
  TimelineEntry,
  TimelineQuery,
} from './activity/timeline';
export {
  COMMUNICATION_CHANNELS,
  CommunicationChannel,
  Direction,
  LogCommunicationInput,
  EditCommunicationInput,
  Communication,
  CommunicationIdParams,
  ListCommunicationsQuery,
} from './activity/communication';
export {
  NOTE_BODY_MAX,
  NoteAnchorType,
  NoteAnchor,
  CreateNoteInput,
  UpdateNoteInput,
  NoteRevision,
  Note,
  NoteIdParams,
  ListNotesQuery,
} from './activity/note';
export { AuditChange, AuditEntry, AuditQuery, AuditExportQuery } from './activity/audit';
export {
  ActivityRecordedV1,
  NoteChangedV1,
  NoteRevisedV1,
  CommunicationChangedV1,
  CommunicationEditedV1,
  ACTIVITY_EVENTS,
} from './activity/activity-events';
export {
  MESSAGING_EVENTS,
  MessagingChannel,
  MESSAGING_EVENT_TYPES,
  MessagingEventType,
  MESSAGING_DETAIL_MAX_BYTES,
  InboundMessagingEvent,
} from './messaging/messaging';
export {
  FindByChannelInput,
  FindByChannelResult,
  ChannelEffect,
  ApplyChannelEventInput,
  ApplyChannelEventResult,
} from './contact/contact-lookup';
export { ContactProjection } from './segment/projection';
export { RPC, rpcQueue } from './rpc/operations';
export type { RpcOperation, RpcInput, RpcOutput } from './rpc/operations';
export { QUEUES } from './queues';
export {
  WorkspaceCreatedV1,
  MemberInvitedV1,
  MemberRoleChangedV1,
  MemberOffboardedV1,
  ApiKeyCreatedV1,
  ApiKeyRevokedV1,
  MemberInvitationRevokedV1,
  IDENTITY_EVENTS,
} from './auth/identity-events';
export {
  CustomFieldEntity,
  CUSTOM_FIELD_TYPES,
  CustomFieldType,
  CustomFieldSlug,
  PATTERN_MAX_LENGTH,
  CustomFieldValidation,
  CreateCustomFieldInput,
  UpdateCustomFieldInput,
  CustomFieldStatus,
  CustomField,
  ListCustomFieldsQuery,
  CustomFieldList,
} from './settings/custom-field';
export {
  DedupRule,
  DEFAULT_JOURNEY_STAGES,
  DEFAULT_LEAD_SOURCES,
  UpdateContactSettingsInput,
  DedupClash,
  DedupRecompute,
  ContactSettings,
} from './settings/contact-settings';
export { CustomFieldValues } from './settings/custom-field';
export {
  SYSTEM_TAG_PREFIX,
  isSystemTag,
  TagLibraryQuery,
  TagCount,
  TagLibrary,
  TagName,
  TagColor,
  CreateTagInput,
  UpdateTagInput,
  MergeTagInput,
  TagDefinition,
  TagOperationKind,
  TagOperationStatus,
  TagOperation,
  TagChange,
  TagParams,
  TagOperationParams,
} from './settings/tag-library';
export { SETTINGS_RPC } from './settings/settings.rpc';
export {
  CompanyDomain,
  COMPANY_SIZES,
  CompanySize,
  CreateCompanyInput,
  UpdateCompanyInput,
  CompanyStatus,
  Company,
  CompanyIdParams,
  ListCompaniesQuery,
  COMPANY_MERGE_FIELDS,
  CompanyMergeField,
  MergeCompaniesInput,
  CompanyMergeConflict,
  MergeCompaniesResult,
} from './company/company';
export {
  CompanyCreatedV1,
  CompanyUpdatedV1,
  CompanyArchivedV1,
  CompanyMergedV1,
  COMPANY_EVENTS,
} from './company/company-events';
export { COMPANIES_RPC } from './company/company.rpc';
export {
  IMPORT_UPLOADS_BUCKET,
  IMPORT_UPLOADS_TTL_MS,
  IMPORT_FIELDS,
  ImportOnDuplicate,
  ImportTarget,
  ImportMapping,
  ImportDelimiter,
  StartImportQuery,
  StartImportInput,
  ImportOnMissingCompany,
  ImportStatus,
  ImportAccepted,
  ImportRowStatus,
  ImportRow,
  ImportColumn,
  ImportReport,
  ImportIdParams,
  ImportReportQuery,
  FailedRowsChunk,
  ImportCompletedV1,
} from './contact/contact-import';
export {
  LeadUtm,
  LeadConsentInput,
  CaptureLeadInput,
  LEAD_STATUSES,
  LeadStatus,
  UpdateLeadInput,
  LeadCapture,
  Lead,
  LeadIdParams,
  ListLeadsQuery,
  ConvertLeadResult,
  LeadSettings,
  UpdateLeadSettingsInput,
} from './lead/lead';
export {
  LeadCreatedV1,
  LeadUpdatedV1,
  LeadQualifiedV1,
  LeadConvertedV1,
  LeadSettingsUpdatedV1,
  LEAD_EVENTS,
} from './lead/lead-events';
export { LEADS_RPC } from './lead/lead.rpc';
export {
  FitSlug,
  FitCriterionInput,
  CreateProductInput,
  UpdateProductInput,
  FitCriterion,
  Product,
  ProductIdParams,
  RankingParams,
  AssessContactInput,
  Assessment,
  ReviewState,
  RankingEntry,
  RankingQuery,
  ReviewInput,
  ListAssessmentsQuery,
} from './fit/fit';
export {
  ContactScoredV1,
  ProductCreatedV1,
  ProductUpdatedV1,
  FitReviewedV1,
  FIT_EVENTS,
} from './fit/fit-events';
export { FIT_RPC } from './fit/fit.rpc';
export {
  IntegrationKind,
  CreateIntegrationInput,
  IntegrationConnection,
  Integration,
  IntegrationCreated,
  IntegrationList,
} from './integration/integration';
export {
  IntegrationCreatedV1,
  IntegrationRevokedV1,
  INTEGRATION_EVENTS,
} from './integration/integration-events';
export { CreateTeamInput, UpdateTeamInput, Team, TEAM_MEMBERS_MAX } from './team/team';
export {
  WebhookEventPattern,
  WebhookUrl,
  CreateWebhookInput,
  UpdateWebhookInput,
  RotateWebhookSecretInput,
  Webhook,
  WebhookWithSecret,
  WebhookIdParams,
  WebhookDeliveryParams,
  WebhookDeliveryStatus,
  WebhookAttempt,
  WebhookDelivery,
  ListWebhookDeliveriesQuery,
} from './webhook/webhook';
export { WebhookEndpointDisabledV1, WEBHOOK_EVENTS } from './webhook/webhook-events';
export {
  EraseContactBody,
  EraseContactInput,
  EraseContactResult,
  EraseReason,
  ContactErasedV1,
  CONTACT_ERASE_EVENTS,
  PERSON_EXPORT_LIST_MAX,
  PersonExportInput,
  ContactsPersonData,
  PersonMembership,
  SegmentsPersonData,
  ActivityPersonData,
  DealsPersonData,
  TasksPersonData,
  PersonDataExport,
} from './contact/contact-erase';
export {
  DeadLetterReason,
  DeadLetterId,
  ListDeadLettersQuery,
  DeadLetterReplay,
  DeadLetter,
  ReplayDeadLettersInput,
  DeadLetterReplayOutcome,
  ReplayDeadLettersResult,
} from './dead-letter/dead-letter';
export {
  ReassignTo,
  CredentialsOutcome,
  RemoveMemberInput,
  OFFBOARDING_KINDS,
  OffboardingKind,
  OffboardingStep,
  Offboarding,
  OffboardingIdParams,
  ReassignOwnerInput,
  ReassignOwnerResult,
} from './offboarding/offboarding';
