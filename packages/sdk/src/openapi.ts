// Generated from docs/openapi.json by packages/sdk/scripts/generate.mjs (pnpm docs:sdk).
// Do not edit: `pnpm docs:check` fails when this file and the document differ.
/* eslint-disable */
export interface paths {
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document as a browsable page (text/html) */
    get: operations['openApi.docs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/db-commands': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GET /health/db-commands */
    get: operations['health.dbCommands'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GET /health/live */
    get: operations['health.live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GET /health/ready */
    get: operations['health.ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GET /metrics */
    get: operations['metrics.scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document (OpenAPI 3.1) */
    get: operations['openApi.openapi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/projections/segments/rebuild': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rebuild the workspace’s segment profiles from the contacts service (owner only). Runs in the background, converging with live events by contact version; memberships follow */
    post: operations['segmentsAdmin.rebuild'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys (prefix, role, last use; never the secret) */
    get: operations['apiKeys.list'];
    put?: never;
    /** Create an API key bound to a role (the key is shown once) */
    post: operations['apiKeys.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key, effective on the next request everywhere */
    delete: operations['apiKeys.revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit trail, newest first: every write with actor, target, action and field diff; filters combine */
    get: operations['audit.list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The filtered audit trail as CSV, newest first (same filters as the list, at most 20000 entries: narrow by time for more) */
    get: operations['audit.export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/accept-invitation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an invitation: join the workspace, get a session */
    post: operations['members.accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in (to a given workspace when the user has several) */
    post: operations['auth.login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the caller's session (its refresh-token family) */
    post: operations['auth.logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a refresh token; reusing a spent one revokes its family */
    post: operations['auth.refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a workspace and its owner */
    post: operations['auth.signup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/communications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One communication entry (any version) */
    get: operations['communications.get'];
    put?: never;
    post?: never;
    /** Soft-delete a communication (it stays in the audit trail) */
    delete: operations['communications.delete'];
    options?: never;
    head?: never;
    /** Edit a communication: a new entry that supersedes this one (the answer) */
    patch: operations['communications.edit'];
    trace?: never;
  };
  '/v1/companies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List companies: q (name words, domains by prefix), domain, ownerId (me, none), status */
    get: operations['companies.list'];
    put?: never;
    /** Create a company; each domain belongs to one active company (409 otherwise) */
    post: operations['companies.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/companies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a company */
    get: operations['companies.get'];
    put?: never;
    post?: never;
    /** Archive a company (history kept; its domains are freed) */
    delete: operations['companies.archive'];
    options?: never;
    head?: never;
    /** Update a company (absent = unchanged, null = clear; version → 409 when stale) */
    patch: operations['companies.update'];
    trace?: never;
  };
  '/v1/companies/{id}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The company's active contacts, newest first */
    get: operations['companies.contacts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/companies/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A company's timeline: newest first, cursor-paged; `types=` filters (comma-separated, `email.*` takes a family) */
    get: operations['timeline.company'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/companies/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge a duplicate company into a survivor (dryRun shows the result): domains and tags united, the duplicate archived with mergedInto, its contacts relinked */
    post: operations['companies.merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List or search contacts: q (name, e-mail, phone prefixes), tags with tagMode any|all|none, segmentId, ownerId (me, none), stage, companyId, status, custom.<slug>=value, sort */
    get: operations['contacts.list'];
    put?: never;
    /** Create a contact (409 duplicate_contact with duplicateOf) */
    post: operations['contacts.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a contact */
    get: operations['contacts.get'];
    put?: never;
    post?: never;
    /** Archive a contact (soft; history kept; archiving an archived one changes nothing) */
    delete: operations['contactWrites.archive'];
    options?: never;
    head?: never;
    /** Update a contact (absent = unchanged, null = clear; customFields and metadata merge per key). If-Match or version: 409 version_conflict when stale */
    patch: operations['contactWrites.update'];
    trace?: never;
  };
  '/v1/contacts/{id}/channels/{channelId}/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a channel's consent (channelId = "<type>:<value>", URL-encoded, e.g. email%3Aada%40example.com): opted_in or opted_out with source and ip; at defaults to now and may not be in the future; the channel keeps its consent history */
    post: operations['channelConsent.record'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take an unowned contact (409 conflict when someone else owns it) */
    post: operations['contactWrites.claim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/communications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A contact's communication history, newest first (`history=true`: with edits and deletes) */
    get: operations['communications.list'];
    put?: never;
    /** Log a communication in a contact's history */
    post: operations['communications.log'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/data-export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Everything held about a person across services, one JSON document (each list at most 1000 items, `truncated` when cut) */
    get: operations['contactPrivacy.dataExport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase a person from every service (the contact, duplicates merged into it, leads, fit, segment profiles and memberships, timeline, notes, communications, task and deal references); publishes contact.erased without personal data; suppressAddresses puts their addresses on the suppression list */
    post: operations['contactPrivacy.erase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/release': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give up ownership (the owner, or a role with scope all) */
    post: operations['contactWrites.release'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restore an archived contact, data intact (409 for a merged one) */
    post: operations['contactWrites.restore'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The segments a contact is a member of, by segment id */
    get: operations['contactSegments.segments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add and remove tags (events only for tags that changed) */
    post: operations['contactWrites.tags'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A contact's timeline: newest first, cursor-paged; `types=` filters (comma-separated, `email.*` takes a family) */
    get: operations['timeline.contact'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** One action over ids or a filter (tag, untag: contacts.tag; archive: contacts.delete; claim, release, assign, set_stage): counts per outcome; a large filter continues with nextCursor */
    post: operations['contactWrites.bulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the filtered contacts as CSV (streamed; same filters and sort as the list, no limit); recorded (export.started before the first byte, export.completed at the end) with the audit tag contacts.pii_movement */
    get: operations['contactsExport.export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/contacts/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge a duplicate into a survivor (per-field resolutions; dryRun previews): the duplicate is archived with mergedInto, its deals, tasks and timeline follow */
    post: operations['contactWrites.merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/custom-fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List custom-field definitions by entity and status */
    get: operations['customFields.list'];
    put?: never;
    /** Define a custom field of contacts or companies (text, number, date, select, multi_select, boolean; required, options, min/max, pattern); slugs are unique for good */
    post: operations['customFields.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/custom-fields/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Retire a field: it takes no new values; stored values stay readable and filterable */
    delete: operations['customFields.retire'];
    options?: never;
    head?: never;
    /** Change label, required, validation, or add options (never remove them) */
    patch: operations['customFields.update'];
    trace?: never;
  };
  '/v1/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the workspace’s dead letters, oldest first (owner only). A page reads at most 500 dead letters, so it may hold fewer than `limit`: follow `nextCursor` until null */
    get: operations['deadLetters.list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/dead-letters/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Republish dead letters to the subjects they came from (owner only); each at most once, its replay recorded. Consumers that had handled the event skip it by its id */
    post: operations['deadLetters.replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List deals by pipeline, stage, status, owner (me, none), contact, company, close date */
    get: operations['deals.list'];
    put?: never;
    /** Create a deal (the primary contact must exist) */
    post: operations['deals.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a deal with its stage history */
    get: operations['deals.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a deal (absent = unchanged, null = clear) */
    patch: operations['deals.update'];
    trace?: never;
  };
  '/v1/deals/{id}/move': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move to a stage; history kept, won/lost stages record the outcome */
    post: operations['deals.move'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/deals/{id}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A deal's timeline: newest first, cursor-paged; `types=` filters (comma-separated, `email.*` takes a family) */
    get: operations['timeline.deal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import contacts from a CSV file (text/csv, streamed; IMPORT_BODY_LIMIT_BYTES, 200 MB by default). Runs in the background: poll GET /v1/imports/{id}. onDuplicate: skip | merge (fill blanks, add tags and channels) | overwrite (the row’s fields replace); an onDuplicate column overrides it per row. A company column (name or domain) links the company; onMissingCompany: create (default) | skip | fail when none matches */
    post: operations['imports.start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import: status, counts and a page of its per-row report (limit, cursor, status filter) */
    get: operations['imports.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/imports/{id}/failed.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The failed rows of an import as CSV: the original columns, then row and error */
    get: operations['imports.failedRows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/integrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the integrations of the workspace (never the credentials) */
    get: operations['integrations.list'];
    put?: never;
    /** Issue NATS credentials for a campaign system or messaging service, confined to the workspace (the creds file text is shown once; see docs/integrations.md) */
    post: operations['integrations.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/integrations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an integration: NATS refuses its credentials from now on and closes its open connections (within seconds) */
    delete: operations['integrations.revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The invitations of the workspace, newest first, with their status */
    get: operations['members.invitationsList'];
    put?: never;
    /** Invite someone by email with a role */
    post: operations['members.invite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/invitations/{invitationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a pending invitation (its token stops working) */
    delete: operations['members.revokeInvitation'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List leads, newest first, by status, assignee (me, none), source, form, email */
    get: operations['leads.list'];
    put?: never;
    /** Capture a lead (forms and integrations, with an API key): the capture is kept as it arrived (fields, source, form, UTM, consent with time, source and IP); without assigneeId it goes to the next member of the round-robin set, if one is configured */
    post: operations['leads.capture'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/leads/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a lead with its capture, status and assignment history */
    get: operations['leads.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Move a lead through new → working → qualified | disqualified (reason required) and/or assign it (null unassigns); a converted lead is 409 */
    patch: operations['leads.update'];
    trace?: never;
  };
  '/v1/leads/{id}/convert': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Convert a qualified lead: creates a contact (source, tags, consent, leadId from the lead) or attaches to the one the dedup rule finds (created: false); repeatable */
    post: operations['leads.convert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller: user, workspace, role, capabilities and scope */
    get: operations['auth.me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the members of the workspace */
    get: operations['members.list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One member of the workspace */
    get: operations['members.get'];
    put?: never;
    post?: never;
    /** Offboard a member: the membership ends (or is deactivated), sessions end at once, API keys and integrations are revoked or transferred, and owned records move to `reassignTo` in the background (never the last owner) */
    delete: operations['members.remove'];
    options?: never;
    head?: never;
    /** Change a member's role */
    patch: operations['members.change'];
    trace?: never;
  };
  '/v1/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A record's notes, newest first */
    get: operations['notes.list'];
    put?: never;
    /** Add a markdown note to a contact, deal or company */
    post: operations['notes.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A note with its earlier revisions */
    get: operations['notes.get'];
    put?: never;
    post?: never;
    /** Soft-delete a note (it stays in the audit trail) */
    delete: operations['notes.delete'];
    options?: never;
    head?: never;
    /** Edit a note: a new revision, the previous text is kept */
    patch: operations['notes.update'];
    trace?: never;
  };
  '/v1/offboardings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An offboarding's progress: records moved per owning service, and its status */
    get: operations['members.offboardingProgress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/pipelines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List pipelines */
    get: operations['pipelines.list'];
    put?: never;
    /** Create a pipeline with ordered stages (open, won, lost) */
    post: operations['pipelines.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/pipelines/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a pipeline */
    get: operations['pipelines.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, reorder, add or delete stages (409 for a stage that still holds deals) */
    patch: operations['pipelines.update'];
    trace?: never;
  };
  '/v1/pipelines/{id}/board': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every stage with its deal count, amount sums per currency and first page of deals */
    get: operations['pipelines.board'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/pipelines/{id}/board/stages/{stageId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Further pages of one board column */
    get: operations['pipelines.boardStage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/pipelines/{id}/stages/{stageId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a stage; 409 while it holds deals unless ?moveTo= names where they go */
    delete: operations['pipelines.deleteStage'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List products, newest first */
    get: operations['products.list'];
    put?: never;
    /** Define a product and its fit criteria (key, label, weight; scored 0–100 by a person, or derived from a segment filter over the contact: 100 when it holds, else 0) */
    post: operations['products.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a product with its criteria */
    get: operations['products.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename or change criteria (later assessments use them; history keeps its own) */
    patch: operations['products.update'];
    trace?: never;
  };
  '/v1/products/{id}/assessments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Assessment history of the product, newest first (?contactId= for one contact) */
    get: operations['products.history'];
    put?: never;
    /** Assess a contact: scores of the manual criteria; derived ones computed; weighted total; a new entry in the history (never overwritten), the ranking moves, contact.scored */
    post: operations['products.assess'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/products/{id}/ranking': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Contacts by fit, highest total first, with the review state (?review=) */
    get: operations['products.ranking'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/products/{id}/ranking/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Review the contact’s current assessment: pending, approved or rejected */
    patch: operations['products.review'];
    trace?: never;
  };
  '/v1/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The capability map: every role with its capabilities and scopes */
    get: operations['roles.list'];
    put?: never;
    /** Create a custom role */
    post: operations['roles.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/roles/{key}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Edit a custom role, or override a default role (not owner) for this workspace */
    put: operations['roles.put'];
    post?: never;
    /** Delete a custom role, moving its members, API keys and invitations to `moveMembersTo`; on a default role, drop its override */
    delete: operations['roles.remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List segments by name, with status and member count */
    get: operations['segments.list'];
    put?: never;
    /** Create a static or dynamic segment (the filter is checked; evaluation starts) */
    post: operations['segments.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/segments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a segment with its status and member count */
    get: operations['segments.get'];
    put?: never;
    post?: never;
    /** Delete a segment (its members leave); refused while other filters read it */
    delete: operations['segments.delete'];
    options?: never;
    head?: never;
    /** Edit a segment (a new type or filter starts a new evaluation) */
    patch: operations['segments.update'];
    trace?: never;
  };
  '/v1/segments/{id}/explain/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which conditions hold for a contact now, and whether it is in by rule or explicitly */
    get: operations['segments.explain'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/segments/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members of a segment by contact id */
    get: operations['segments.members'];
    put?: never;
    /** Explicit members: add = include, remove = exclude (both survive re-evaluation), reset = let the filter decide */
    post: operations['segments.updateMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/segments/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Count and sample the contacts a filter selects now, without saving anything */
    post: operations['segments.preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/settings/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Journey stages, lead sources, dedup rule and the state of its key recomputation */
    get: operations['contactSettings.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change stages, lead sources or the dedup rule (email | phone; existing keys are recomputed in the background); version → 409 when stale */
    patch: operations['contactSettings.update'];
    trace?: never;
  };
  '/v1/settings/leads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The round-robin set new leads are assigned among */
    get: operations['leadSettings.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Replace the round-robin set (member ids, in turn order; empty = no round-robin) */
    patch: operations['leadSettings.update'];
    trace?: never;
  };
  '/v1/suppressions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List suppressions, newest first: status (active, lifted), channelType, address, reason */
    get: operations['suppressions.list'];
    put?: never;
    /** Suppress an address (reason manual by default; bounce, complaint, unsubscribe too): every channel with it is suppressed, now and later; suppressing it again adds the reason */
    post: operations['suppressions.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/suppressions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a suppression with its reasons and history */
    get: operations['suppressions.get'];
    put?: never;
    post?: never;
    /** Lift a suppression (history kept): the channels with the address are no longer suppressed */
    delete: operations['suppressions.lift'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tag library with counts of active contacts, most used first; prefix autocomplete; bot: tags listed apart as systemTags; defined tags with their colour (count 0 if unused) */
    get: operations['tags.list'];
    put?: never;
    /** Define a tag with a colour (409 conflict if defined; bot: tags need tags.system) */
    post: operations['tags.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tags/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A tag: colour, whether it is a system tag, count of active contacts carrying it */
    get: operations['tags.get'];
    put?: never;
    post?: never;
    /** Delete a tag: its definition at once, and from every contact in the background */
    delete: operations['tags.delete'];
    options?: never;
    head?: never;
    /** Recolour a tag (at once) or rename it on every contact (in the background: the answer carries the operation; 409 conflict if the new name exists: merge instead) */
    patch: operations['tags.update'];
    trace?: never;
  };
  '/v1/tags/{name}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge a tag into another on every contact, in the background; the tag disappears */
    post: operations['tags.merge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tags/operations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A tag operation (rename, merge, delete across contacts): status and counts */
    get: operations['tags.operation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List tasks (pool, assigneeId=me, anchor, status), sorted by due time */
    get: operations['tasks.list'];
    put?: never;
    /** Create a task (no assignee = the pool) */
    post: operations['tasks.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a task */
    get: operations['tasks.get'];
    put?: never;
    post?: never;
    /** Delete a task (cancels its reminder) */
    delete: operations['tasks.delete'];
    options?: never;
    head?: never;
    /** Update a task; a new due time moves its reminder */
    patch: operations['tasks.update'];
    trace?: never;
  };
  '/v1/tasks/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take a pool task (409 when someone else got it first) */
    post: operations['tasks.claim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/tasks/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete a task, recording who and when */
    post: operations['tasks.complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The teams of the workspace */
    get: operations['teams.list'];
    put?: never;
    /** Create a team of current members */
    post: operations['teams.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/teams/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A team */
    get: operations['teams.get'];
    put?: never;
    post?: never;
    /** Delete a team (records keep their owners) */
    delete: operations['teams.remove'];
    options?: never;
    head?: never;
    /** Rename a team or replace its members */
    patch: operations['teams.update'];
    trace?: never;
  };
  '/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List endpoints */
    get: operations['webhooks.list'];
    put?: never;
    /** Register an endpoint; the answer holds its signing secret, shown this once */
    post: operations['webhooks.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an endpoint */
    get: operations['webhooks.get'];
    put?: never;
    post?: never;
    /** Delete an endpoint (pending deliveries are dropped) */
    delete: operations['webhooks.delete'];
    options?: never;
    head?: never;
    /** Change an endpoint; enabling it again clears its failures */
    patch: operations['webhooks.update'];
    trace?: never;
  };
  '/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delivery log, newest first: status, response code, latency, attempts */
    get: operations['webhooks.deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/deliveries/{deliveryId}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a finished delivery again */
    post: operations['webhooks.retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/secret/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** New signing secret (shown once); the old one also signs during the overlap */
    post: operations['webhooks.rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/{id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a sample `webhook.test` event */
    post: operations['webhooks.test'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @enum {string} */
    ErrorCode:
      | 'validation_failed'
      | 'unauthenticated'
      | 'forbidden'
      | 'not_found'
      | 'conflict'
      | 'duplicate_contact'
      | 'version_conflict'
      | 'idempotency_mismatch'
      | 'payload_too_large'
      | 'unsupported_media_type'
      | 'rate_limited'
      | 'unavailable'
      | 'timeout'
      | 'internal';
    Problem: {
      type: string;
      title: string;
      status: number;
      detail: string;
      code: components['schemas']['ErrorCode'];
      errors?: {
        path: string;
        message: string;
        code?: string;
      }[];
      requestId?: string;
    };
    Id: string;
    /** @enum {string} */
    ProjectionRebuildStatus: 'running' | 'done';
    /** Format: date-time */
    Timestamp: string;
    ProjectionRebuild: {
      workspaceId: components['schemas']['Id'];
      status: components['schemas']['ProjectionRebuildStatus'];
      /** @enum {string} */
      trigger: 'automatic' | 'requested';
      contacts: number;
      pages: number;
      startedAt: components['schemas']['Timestamp'];
      finishedAt: components['schemas']['Timestamp'] & (string | null);
    };
    ApiKey: {
      id: components['schemas']['Id'];
      name: string;
      role: string;
      prefix: string;
      createdAt: components['schemas']['Timestamp'];
      lastUsedAt: components['schemas']['Timestamp'] & (string | null);
      revokedAt: components['schemas']['Timestamp'] & (string | null);
    };
    ApiKeyCreated: {
      id: components['schemas']['Id'];
      name: string;
      role: string;
      prefix: string;
      createdAt: components['schemas']['Timestamp'];
      lastUsedAt: components['schemas']['Timestamp'] & (string | null);
      revokedAt: components['schemas']['Timestamp'] & (string | null);
      key: string;
    };
    RoleName: string;
    CreateApiKeyInput: {
      name: string;
      role: components['schemas']['RoleName'];
    };
    /** @enum {string} */
    ActorType: 'user' | 'api_key' | 'service';
    Actor: {
      type: components['schemas']['ActorType'];
      id: string;
    };
    AuditChange: {
      field: string;
      from?: unknown;
      to?: unknown;
    };
    AuditEntry: {
      id: string;
      occurredAt: components['schemas']['Timestamp'];
      actor: components['schemas']['Actor'];
      target: {
        type: string;
        id: string;
      };
      action: string;
      changes: components['schemas']['AuditChange'][];
      tags: string[];
      requestId: string | null;
    };
    User: {
      id: components['schemas']['Id'];
      email: string;
      name: string;
    };
    Workspace: {
      id: components['schemas']['Id'];
      name: string;
    };
    Session: {
      accessToken: string;
      refreshToken: string;
      expiresIn: number;
      user: components['schemas']['User'];
      workspace: components['schemas']['Workspace'];
    };
    AcceptInvitationInput: {
      token: string;
      password: string;
      name: string;
    };
    LoginInput: {
      /** Format: email */
      email: string;
      password: string;
      workspaceId?: components['schemas']['Id'];
    };
    LogoutInput: {
      refreshToken?: string;
    };
    RefreshInput: {
      refreshToken: string;
    };
    SignupInput: {
      /** Format: email */
      email: string;
      password: string;
      name: string;
      workspaceName: string;
    };
    /** @enum {string} */
    CommunicationChannel:
      | 'email'
      | 'call'
      | 'meeting'
      | 'form'
      | 'chat'
      | 'note'
      | 'sms'
      | 'whatsapp'
      | 'linkedin'
      | 'telegram';
    /** @enum {string} */
    Direction: 'inbound' | 'outbound';
    Communication: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      contactId: components['schemas']['Id'];
      channel: components['schemas']['CommunicationChannel'];
      direction: components['schemas']['Direction'];
      occurredAt: components['schemas']['Timestamp'];
      summary: string;
      staffId: components['schemas']['Id'] & (string | null);
      sourceRef: string | null;
      loggedBy: components['schemas']['Actor'];
      supersedes: components['schemas']['Id'] & (string | null);
      supersededBy: components['schemas']['Id'] & (string | null);
      deletedAt: components['schemas']['Timestamp'] & (string | null);
      deletedBy: components['schemas']['Actor'] & (Record<string, unknown> | null);
      createdAt: components['schemas']['Timestamp'];
    };
    EditCommunicationInput: {
      channel?: components['schemas']['CommunicationChannel'];
      direction?: components['schemas']['Direction'];
      occurredAt?: components['schemas']['Timestamp'];
      summary?: string;
      staffId?: components['schemas']['Id'] & (string | null);
      sourceRef?: string | null;
    };
    Address: {
      line1?: string;
      line2?: string;
      city?: string;
      state?: string;
      postalCode?: string;
      country?: string;
    };
    /** @enum {string} */
    CompanySize: '1-10' | '11-50' | '51-200' | '201-500' | '501-1000' | '1001-5000' | '5001+';
    /** @enum {string} */
    CompanyStatus: 'active' | 'archived';
    Company: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      name: string;
      domains: string[];
      industry?: string;
      website?: string;
      address?: components['schemas']['Address'];
      size?: components['schemas']['CompanySize'];
      tags: string[];
      customFields: {
        [key: string]: unknown;
      };
      ownerId: string | null;
      status: components['schemas']['CompanyStatus'];
      mergedInto: string | null;
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    CompanyDomain: string;
    CustomFieldValues: {
      [key: string]: string | number | boolean | string[] | null;
    };
    CreateCompanyInput: {
      name: string;
      domains?: components['schemas']['CompanyDomain'][];
      industry?: string;
      /** Format: uri */
      website?: string;
      address?: components['schemas']['Address'];
      size?: components['schemas']['CompanySize'];
      tags?: string[];
      customFields?: components['schemas']['CustomFieldValues'];
      ownerId?: components['schemas']['Id'];
    };
    UpdateCompanyInput: {
      name?: string;
      domains?: components['schemas']['CompanyDomain'][];
      industry?: string | null;
      /** Format: uri */
      website?: string | null;
      address?: components['schemas']['Address'] & (Record<string, unknown> | null);
      size?: components['schemas']['CompanySize'] & (string | null);
      tags?: string[];
      customFields?: components['schemas']['CustomFieldValues'];
      ownerId?: components['schemas']['Id'] & (string | null);
      version?: number;
    };
    /** @enum {string} */
    ChannelType: 'email' | 'phone' | 'sms' | 'whatsapp' | 'linkedin' | 'telegram' | 'other';
    /** @enum {string} */
    ConsentStatus: 'unknown' | 'opted_in' | 'opted_out';
    ConsentChange: {
      /** @enum {string} */
      status: 'opted_in' | 'opted_out';
      at: components['schemas']['Timestamp'];
      source: string;
      ip?: string;
      recordedAt: components['schemas']['Timestamp'];
    };
    /** @enum {string} */
    SuppressionReason: 'bounce' | 'complaint' | 'unsubscribe' | 'manual';
    Channel: {
      type: components['schemas']['ChannelType'];
      value: string;
      label?: string;
      primary: boolean;
      subscribed: boolean;
      consent?: {
        status?: components['schemas']['ConsentStatus'];
        at?: components['schemas']['Timestamp'];
        optInAt?: components['schemas']['Timestamp'];
        source?: string;
        ip?: string;
        unsubscribedAt?: components['schemas']['Timestamp'];
        history?: components['schemas']['ConsentChange'][];
      };
      suppression?: {
        reason: components['schemas']['SuppressionReason'];
        at: components['schemas']['Timestamp'];
      };
    };
    CompanyLink: {
      companyId: components['schemas']['Id'];
      title?: string;
      /** Format: email */
      workEmail?: string;
    };
    StageTransition: {
      from: string | null;
      to: string | null;
      at: components['schemas']['Timestamp'];
      actor: components['schemas']['Actor'];
    };
    /** @enum {string} */
    ContactStatus: 'active' | 'archived';
    StatusTransition: {
      status: components['schemas']['ContactStatus'];
      at: components['schemas']['Timestamp'];
      actor: components['schemas']['Actor'];
      reason?: string;
    };
    Contact: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      firstName?: string;
      lastName?: string;
      displayName: string;
      channels: components['schemas']['Channel'][];
      companyLinks: components['schemas']['CompanyLink'][];
      address?: components['schemas']['Address'];
      locale?: string;
      timeZone?: string;
      birthMonth?: number;
      birthDay?: number;
      source?: string;
      leadSource?: string;
      stage?: string;
      stageHistory: components['schemas']['StageTransition'][];
      ownerId: string | null;
      tags: string[];
      customFields: {
        [key: string]: unknown;
      };
      metadata: {
        [key: string]: unknown;
      };
      leadId?: string;
      linkedUserId?: string;
      status: components['schemas']['ContactStatus'];
      statusHistory: components['schemas']['StatusTransition'][];
      mergedInto: string | null;
      lastTouchAt: components['schemas']['Timestamp'] & (string | null);
      segmentIds: string[];
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    /** @enum {string} */
    TimelineAnchorType: 'contact' | 'deal' | 'company';
    FieldChange: {
      field: string;
      from?: unknown;
      to?: unknown;
    };
    Money: {
      value: number;
      currency: string;
    } | null;
    /** @enum {string} */
    DealStatus: 'open' | 'won' | 'lost';
    /** @enum {string} */
    NoteAnchorType: 'contact' | 'deal' | 'company';
    NoteAnchor: {
      type: components['schemas']['NoteAnchorType'];
      id: components['schemas']['Id'];
    };
    /** @enum {string} */
    MessagingEventType:
      | 'email.sent'
      | 'email.delivered'
      | 'email.opened'
      | 'email.clicked'
      | 'email.replied'
      | 'email.bounced'
      | 'email.complained'
      | 'email.unsubscribed'
      | 'sms.sent'
      | 'sms.delivered'
      | 'sms.opened'
      | 'sms.clicked'
      | 'sms.replied'
      | 'sms.bounced'
      | 'sms.complained'
      | 'sms.unsubscribed'
      | 'whatsapp.sent'
      | 'whatsapp.delivered'
      | 'whatsapp.opened'
      | 'whatsapp.clicked'
      | 'whatsapp.replied'
      | 'whatsapp.bounced'
      | 'whatsapp.complained'
      | 'whatsapp.unsubscribed'
      | 'linkedin.sent'
      | 'linkedin.replied'
      | 'telegram.sent'
      | 'telegram.replied'
      | 'bot.replied'
      | 'bot.escalated';
    KnownTimelineEntry:
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.created';
          detail: {
            displayName: string;
            source: string | null;
            ownerId: string | null;
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.updated';
          detail: {
            changes: components['schemas']['FieldChange'][];
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.archived';
          detail: {
            reason: string;
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.restored';
          detail: Record<string, unknown>;
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.tag.added' | 'contact.tag.removed';
          detail: {
            tags: string[];
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.owner.claimed' | 'contact.owner.released';
          detail: {
            ownerId: string | null;
            previousOwnerId: string | null;
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.stage.changed';
          detail: {
            from: string | null;
            to: string | null;
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.merged';
          detail: {
            survivorId: components['schemas']['Id'];
            duplicateId: components['schemas']['Id'];
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'contact.scored';
          detail: {
            productId: components['schemas']['Id'];
            productSlug: string;
            total: number;
            assessmentId: components['schemas']['Id'];
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'company.created' | 'company.updated' | 'company.archived' | 'company.merged';
          detail: {
            companyId: components['schemas']['Id'];
            name: string;
            changes: components['schemas']['FieldChange'][];
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'segment.member.joined' | 'segment.member.left';
          detail: {
            segmentId: components['schemas']['Id'];
            segmentName: string;
            /** @enum {string} */
            via: 'rule' | 'explicit';
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'deal.created' | 'deal.won';
          detail: {
            dealId: components['schemas']['Id'];
            title: string;
            pipelineId: components['schemas']['Id'];
            amount: components['schemas']['Money'];
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'deal.updated';
          detail: {
            dealId: components['schemas']['Id'];
            title: string;
            changes: string[];
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'deal.stage.changed';
          detail: {
            dealId: components['schemas']['Id'];
            title: string;
            from: {
              stageId: components['schemas']['Id'];
              name: string;
              category: components['schemas']['DealStatus'];
            };
            to: {
              stageId: components['schemas']['Id'];
              name: string;
              category: components['schemas']['DealStatus'];
            };
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'deal.lost';
          detail: {
            dealId: components['schemas']['Id'];
            title: string;
            lostReason: string | null;
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type:
            | 'task.created'
            | 'task.assigned'
            | 'task.updated'
            | 'task.completed'
            | 'task.deleted'
            | 'task.due';
          detail: {
            taskId: components['schemas']['Id'];
            title: string;
            assigneeId: components['schemas']['Id'] & (string | null);
            dueAt: components['schemas']['Timestamp'] & (string | null);
            changes: string[];
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'note.added' | 'note.revised';
          detail: {
            noteId: components['schemas']['Id'];
            anchor: components['schemas']['NoteAnchor'];
            revision: number;
            excerpt: string;
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          /** @enum {string} */
          type: 'communication.logged' | 'communication.edited';
          detail: {
            communicationId: components['schemas']['Id'];
            channel: components['schemas']['CommunicationChannel'];
            direction: components['schemas']['Direction'];
            summary: string;
            staffId: components['schemas']['Id'] & (string | null);
            sourceRef: string | null;
            supersedes: components['schemas']['Id'] & (string | null);
          };
        }
      | {
          id: string;
          anchor: {
            type: components['schemas']['TimelineAnchorType'];
            id: components['schemas']['Id'];
          };
          contactId: components['schemas']['Id'] & (string | null);
          occurredAt: components['schemas']['Timestamp'];
          actor: components['schemas']['Actor'];
          summary: string;
          sourceEventId: string;
          type: components['schemas']['MessagingEventType'];
          detail: {
            channel: string;
            event: string;
            direction: components['schemas']['Direction'];
            address: string | null;
            campaignId: string | null;
            messageId: string | null;
            data: {
              [key: string]: unknown;
            };
          };
        };
    GenericTimelineEntry: {
      id: string;
      anchor: {
        type: components['schemas']['TimelineAnchorType'];
        id: components['schemas']['Id'];
      };
      contactId: components['schemas']['Id'] & (string | null);
      occurredAt: components['schemas']['Timestamp'];
      actor: components['schemas']['Actor'];
      summary: string;
      sourceEventId: string;
      type: string;
      detail: {
        aggregate: {
          type: string;
          id: string;
        };
        data: {
          [key: string]: unknown;
        };
      };
    };
    TimelineEntry:
      components['schemas']['KnownTimelineEntry'] | components['schemas']['GenericTimelineEntry'];
    CompanyMergeConflict: {
      field: string;
      survivor?: unknown;
      duplicate?: unknown;
      /** @enum {string} */
      resolution: 'survivor' | 'duplicate';
    };
    MergeCompaniesResult: {
      dryRun: boolean;
      company: components['schemas']['Company'];
      duplicate: components['schemas']['Company'];
      conflicts: components['schemas']['CompanyMergeConflict'][];
      relinkedContacts: number;
    };
    MergeCompaniesInput: {
      survivorId: components['schemas']['Id'];
      duplicateId: components['schemas']['Id'];
      resolutions?: {
        [key: string]: 'survivor' | 'duplicate';
      };
      /** @default false */
      dryRun?: boolean;
    };
    ChannelInput: {
      type: components['schemas']['ChannelType'];
      value: string;
      label?: string;
      primary?: boolean;
    };
    CreateContactInput: {
      firstName?: string;
      lastName?: string;
      displayName?: string;
      channels?: components['schemas']['ChannelInput'][];
      companyLinks?: components['schemas']['CompanyLink'][];
      address?: components['schemas']['Address'];
      locale?: string;
      timeZone?: string;
      birthMonth?: number;
      birthDay?: number;
      source?: string;
      leadSource?: string;
      stage?: string;
      ownerId?: components['schemas']['Id'];
      tags?: string[];
      customFields?: {
        [key: string]: string | number | boolean | string[] | null;
      };
      metadata?: {
        [key: string]: unknown;
      };
      leadId?: components['schemas']['Id'];
      linkedUserId?: components['schemas']['Id'];
    };
    UpdateContactInput: {
      firstName?: string | null;
      lastName?: string | null;
      displayName?: string | null;
      channels?: components['schemas']['ChannelInput'][] | null;
      companyLinks?: components['schemas']['CompanyLink'][] | null;
      address?: components['schemas']['Address'] & (Record<string, unknown> | null);
      locale?: string | null;
      timeZone?: string | null;
      birthMonth?: number | null;
      birthDay?: number | null;
      source?: string | null;
      leadSource?: string | null;
      stage?: string | null;
      ownerId?: components['schemas']['Id'] & (string | null);
      tags?: string[] | null;
      customFields?: {
        [key: string]: string | number | boolean | string[] | null;
      } | null;
      metadata?: {
        [key: string]: unknown;
      } | null;
      leadId?: components['schemas']['Id'] & (string | null);
      linkedUserId?: components['schemas']['Id'] & (string | null);
      version?: number;
    };
    ChannelKey: string;
    RecordConsentInput: {
      /** @enum {string} */
      status: 'opted_in' | 'opted_out';
      source: string;
      /** Format: ip */
      ip?: string;
      at?: components['schemas']['Timestamp'];
    };
    LogCommunicationInput: {
      channel: components['schemas']['CommunicationChannel'];
      direction: components['schemas']['Direction'];
      occurredAt: components['schemas']['Timestamp'];
      summary: string;
      staffId?: components['schemas']['Id'];
      sourceRef?: string;
    };
    /** @enum {string} */
    LeadStatus: 'new' | 'working' | 'qualified' | 'converted' | 'disqualified';
    LeadUtm: {
      source?: string;
      medium?: string;
      campaign?: string;
      term?: string;
      content?: string;
    } | null;
    LeadCapture: {
      fields: {
        [key: string]: unknown;
      };
      source: string;
      formId: string | null;
      utm: components['schemas']['LeadUtm'];
      consent: {
        given: boolean;
        at: components['schemas']['Timestamp'];
        source: string;
        ip: string | null;
        text: string | null;
      } | null;
      receivedAt: components['schemas']['Timestamp'];
      by: components['schemas']['Actor'];
    };
    Lead: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      firstName?: string;
      lastName?: string;
      displayName: string;
      email?: string;
      phone?: string;
      companyName?: string;
      jobTitle?: string;
      tags: string[];
      source: string;
      formId: string | null;
      status: components['schemas']['LeadStatus'];
      reason: string | null;
      assigneeId: string | null;
      capture: components['schemas']['LeadCapture'];
      statusHistory: {
        from: components['schemas']['LeadStatus'] & (string | null);
        to: components['schemas']['LeadStatus'];
        reason: string | null;
        at: components['schemas']['Timestamp'];
        actor: components['schemas']['Actor'];
      }[];
      assignments: {
        assigneeId: string | null;
        /** @enum {string} */
        how: 'manual' | 'round_robin';
        at: components['schemas']['Timestamp'];
        actor: components['schemas']['Actor'];
      }[];
      conversion: {
        contactId: components['schemas']['Id'];
        created: boolean;
        at: components['schemas']['Timestamp'];
        actor: components['schemas']['Actor'];
      } | null;
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    Assessment: {
      id: components['schemas']['Id'];
      productId: components['schemas']['Id'];
      productSlug: string;
      productVersion: number;
      contactId: components['schemas']['Id'];
      scores: {
        key: string;
        label: string;
        weight: number;
        /** @enum {string} */
        how: 'manual' | 'derived';
        score: number;
      }[];
      total: number;
      note: string | null;
      assessedBy: components['schemas']['Actor'];
      assessedAt: components['schemas']['Timestamp'];
    };
    /** @enum {string} */
    ReviewState: 'pending' | 'approved' | 'rejected';
    RankingEntry: {
      productId: components['schemas']['Id'];
      contactId: components['schemas']['Id'];
      total: number;
      assessmentId: components['schemas']['Id'];
      assessedAt: components['schemas']['Timestamp'];
      assessedBy: components['schemas']['Actor'];
      assessments: number;
      review: components['schemas']['ReviewState'];
      reviewedBy: components['schemas']['Actor'] & (Record<string, unknown> | null);
      reviewedAt: components['schemas']['Timestamp'] & (string | null);
      reviewNote: string | null;
      version: number;
    };
    ContactsPersonData: {
      contact: components['schemas']['Contact'];
      mergedDuplicates: components['schemas']['Contact'][];
      leads: components['schemas']['Lead'][];
      assessments: components['schemas']['Assessment'][];
      rankings: components['schemas']['RankingEntry'][];
      truncated: boolean;
    };
    ContactProjection: {
      contactId: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      version: number;
      rev: number;
      status: string | null;
      mergedInto: string | null;
      displayName: string | null;
      firstName: string | null;
      lastName: string | null;
      email: string | null;
      phone: string | null;
      stage: string | null;
      source: string | null;
      locale: string | null;
      timeZone: string | null;
      country: string | null;
      ownerId: string | null;
      companyId: string | null;
      birthMonth: number | null;
      birthDay: number | null;
      birthday: number | null;
      createdAt: components['schemas']['Timestamp'] & (string | null);
      updatedAt: components['schemas']['Timestamp'] & (string | null);
      lastTouchAt: components['schemas']['Timestamp'] & (string | null);
      tags: string[];
      custom: {
        [key: string]: unknown;
      };
      channels: {
        type: string;
        value: string;
        primary: boolean;
        subscribed: boolean;
        suppressed: boolean;
        /** @enum {string} */
        consent?: 'unknown' | 'opted_in' | 'opted_out';
      }[];
      fit: {
        [key: string]: number;
      };
      activity: {
        [key: string]: {
          [key: string]: number;
        };
      };
      segments: string[];
    } | null;
    PersonMembership: {
      segmentId: components['schemas']['Id'];
      member: boolean;
      /** @enum {string|null} */
      via: 'rule' | 'explicit' | null;
      /** @enum {string|null} */
      explicit: 'include' | 'exclude' | null;
      joinedAt: components['schemas']['Timestamp'] & (string | null);
      leftAt: components['schemas']['Timestamp'] & (string | null);
    };
    SegmentsPersonData: {
      profile: components['schemas']['ContactProjection'];
      memberships: components['schemas']['PersonMembership'][];
      truncated: boolean;
    };
    NoteRevision: {
      revision: number;
      body: string;
      editedAt: components['schemas']['Timestamp'];
      editedBy: components['schemas']['Actor'];
    };
    Note: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      anchor: components['schemas']['NoteAnchor'];
      contactId: components['schemas']['Id'] & (string | null);
      body: string;
      revision: number;
      revisions: components['schemas']['NoteRevision'][];
      author: components['schemas']['Actor'];
      deletedAt: components['schemas']['Timestamp'] & (string | null);
      deletedBy: components['schemas']['Actor'] & (Record<string, unknown> | null);
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    ActivityPersonData: {
      timeline: components['schemas']['TimelineEntry'][];
      communications: components['schemas']['Communication'][];
      notes: components['schemas']['Note'][];
      audit: components['schemas']['AuditEntry'][];
      truncated: boolean;
    };
    StageVisit: {
      stageId: components['schemas']['Id'];
      stageName: string;
      category: components['schemas']['DealStatus'];
      enteredAt: components['schemas']['Timestamp'];
      enteredBy: components['schemas']['Actor'];
      leftAt: components['schemas']['Timestamp'] & (string | null);
      leftBy: components['schemas']['Actor'] & (Record<string, unknown> | null);
    };
    DealOutcome: {
      /** @enum {string} */
      status: 'won' | 'lost';
      at: components['schemas']['Timestamp'];
      by: components['schemas']['Actor'];
      lostReason: string | null;
    } | null;
    Deal: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      title: string;
      pipelineId: components['schemas']['Id'];
      stageId: components['schemas']['Id'];
      status: components['schemas']['DealStatus'];
      probability: number;
      contactId: components['schemas']['Id'] & (string | null);
      companyId: components['schemas']['Id'] & (string | null);
      amount: components['schemas']['Money'];
      ownerId: components['schemas']['Id'] & (string | null);
      expectedCloseDate: string | null;
      tags: string[];
      customFields: {
        [key: string]: unknown;
      };
      stageHistory: components['schemas']['StageVisit'][];
      outcome: components['schemas']['DealOutcome'];
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    DealsPersonData: {
      deals: components['schemas']['Deal'][];
      truncated: boolean;
    };
    /** @enum {string} */
    TaskPriority: 'low' | 'normal' | 'high' | 'urgent';
    /** @enum {string} */
    TaskStatus: 'open' | 'completed';
    TaskAnchorRef: {
      /** @enum {string} */
      type: 'contact' | 'deal' | 'company' | 'webhook';
      id: components['schemas']['Id'];
    };
    Task: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      title: string;
      description: string | null;
      priority: components['schemas']['TaskPriority'];
      status: components['schemas']['TaskStatus'];
      dueAt: components['schemas']['Timestamp'] & (string | null);
      assigneeId: components['schemas']['Id'] & (string | null);
      anchor: components['schemas']['TaskAnchorRef'];
      contactId: components['schemas']['Id'] & (string | null);
      completedAt: components['schemas']['Timestamp'] & (string | null);
      completedBy: components['schemas']['Actor'] & (Record<string, unknown> | null);
      reminderFiredAt: components['schemas']['Timestamp'] & (string | null);
      createdBy: components['schemas']['Actor'];
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    TasksPersonData: {
      tasks: components['schemas']['Task'][];
      truncated: boolean;
    };
    PersonDataExport: {
      contactId: components['schemas']['Id'];
      exportedAt: components['schemas']['Timestamp'];
      contacts: components['schemas']['ContactsPersonData'];
      segments: components['schemas']['SegmentsPersonData'];
      activity: components['schemas']['ActivityPersonData'];
      deals: components['schemas']['DealsPersonData'];
      tasks: components['schemas']['TasksPersonData'];
    };
    EraseContactResult: {
      contactId: components['schemas']['Id'];
      erasedIds: components['schemas']['Id'][];
      erasedAt: components['schemas']['Timestamp'];
      suppressedAddresses: number;
    };
    EraseContactBody: {
      /** @default false */
      suppressAddresses?: boolean;
    };
    /** @enum {string} */
    SegmentType: 'static' | 'dynamic';
    ContactSegment: {
      segmentId: components['schemas']['Id'];
      name: string;
      type: components['schemas']['SegmentType'];
      /** @enum {string} */
      via: 'rule' | 'explicit';
      joinedAt: components['schemas']['Timestamp'];
    };
    ContactTagsInput: {
      /** @default [] */
      add?: string[];
      /** @default [] */
      remove?: string[];
    };
    /** @enum {string} */
    BulkContactAction: 'tag' | 'untag' | 'claim' | 'release' | 'archive' | 'set_stage' | 'assign';
    BulkContactError: {
      id: string;
      code: components['schemas']['ErrorCode'];
      message: string;
    };
    BulkContactsResult: {
      action: components['schemas']['BulkContactAction'];
      matched: number;
      changed: number;
      unchanged: number;
      failed: number;
      errors: components['schemas']['BulkContactError'][];
      nextCursor: string | null;
    };
    BulkContactsInput: {
      ids?: components['schemas']['Id'][];
      filter?: {
        q?: string;
        tags?: string | string[];
        /**
         * @default any
         * @enum {string}
         */
        tagMode?: 'any' | 'all' | 'none';
        segmentId?: components['schemas']['Id'];
        ownerId?: components['schemas']['Id'] | 'me' | 'none';
        stage?: string;
        companyId?: components['schemas']['Id'];
        status?: components['schemas']['ContactStatus'] & unknown;
      } & {
        [key: string]: unknown;
      };
      cursor?: string;
      action: components['schemas']['BulkContactAction'];
      tags?: string[];
      stage?: string | null;
      ownerId?: components['schemas']['Id'] & (string | null);
    };
    /** @enum {string} */
    MergeResolution: 'survivor' | 'duplicate';
    MergeConflict: {
      field: string;
      survivor?: unknown;
      duplicate?: unknown;
      resolution: components['schemas']['MergeResolution'];
    };
    MergeContactsResult: {
      dryRun: boolean;
      contact: components['schemas']['Contact'];
      duplicate: components['schemas']['Contact'];
      changes: components['schemas']['FieldChange'][];
      conflicts: components['schemas']['MergeConflict'][];
    };
    MergeContactsInput: {
      survivorId: components['schemas']['Id'];
      duplicateId: components['schemas']['Id'];
      resolutions?: {
        [key: string]: components['schemas']['MergeResolution'];
      };
      /** @default false */
      dryRun?: boolean;
      survivorVersion?: number;
      duplicateVersion?: number;
    };
    /** @enum {string} */
    CustomFieldEntity: 'contact' | 'company';
    /** @enum {string} */
    CustomFieldType: 'text' | 'number' | 'date' | 'select' | 'multi_select' | 'boolean';
    /** @enum {string} */
    CustomFieldStatus: 'active' | 'retired';
    CustomField: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      entity: components['schemas']['CustomFieldEntity'];
      slug: string;
      label: string;
      type: components['schemas']['CustomFieldType'];
      options: string[];
      required: boolean;
      validation?: {
        min?: number;
        max?: number;
        pattern?: string;
      };
      status: components['schemas']['CustomFieldStatus'];
      retiredAt: components['schemas']['Timestamp'] & (string | null);
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    CustomFieldList: {
      items: components['schemas']['CustomField'][];
    };
    CustomFieldSlug: string;
    CreateCustomFieldInput: {
      entity: components['schemas']['CustomFieldEntity'];
      slug: components['schemas']['CustomFieldSlug'];
      label: string;
      type: components['schemas']['CustomFieldType'];
      options?: string[];
      required?: boolean;
      validation?: {
        min?: number;
        max?: number;
        pattern?: string;
      };
    };
    UpdateCustomFieldInput: {
      label?: string;
      options?: string[];
      required?: boolean;
      validation?: {
        min?: number;
        max?: number;
        pattern?: string;
      } | null;
      version?: number;
    };
    DeadLetterId: string;
    DeadLetterReplay: {
      replayedAt: components['schemas']['Timestamp'];
      replayedBy: components['schemas']['Actor'];
    } | null;
    DeadLetter: {
      id: components['schemas']['DeadLetterId'];
      consumer: string;
      reason: string;
      error: string | null;
      subject: string;
      stream: string | null;
      sequence: number | null;
      deliveries: number | null;
      deadLetteredAt: components['schemas']['Timestamp'];
      eventId: string | null;
      eventType: string | null;
      payload?: unknown;
      replay: components['schemas']['DeadLetterReplay'];
    };
    /** @enum {string} */
    DeadLetterReplayOutcome: 'replayed' | 'already_replayed' | 'not_found' | 'not_replayable';
    ReplayDeadLettersResult: {
      items: {
        id: string;
        outcome: components['schemas']['DeadLetterReplayOutcome'];
        replay: components['schemas']['DeadLetterReplay'];
      }[];
    };
    ReplayDeadLettersInput: {
      ids: components['schemas']['DeadLetterId'][];
    };
    CreateDealInput: {
      title: string;
      pipelineId: components['schemas']['Id'];
      stageId?: components['schemas']['Id'];
      contactId: components['schemas']['Id'];
      companyId?: components['schemas']['Id'];
      amount?: components['schemas']['Money'] & Record<string, unknown>;
      ownerId?: components['schemas']['Id'];
      expectedCloseDate?: string;
      tags?: string[];
      customFields?: {
        [key: string]: string | number | boolean | string[] | null;
      };
    };
    UpdateDealInput: {
      title?: string;
      contactId?: components['schemas']['Id'];
      companyId?: components['schemas']['Id'] & (string | null);
      amount?: components['schemas']['Money'];
      ownerId?: components['schemas']['Id'] & (string | null);
      expectedCloseDate?: string | null;
      tags?: string[];
      customFields?: {
        [key: string]: string | number | boolean | string[] | null;
      };
    };
    MoveDealInput: {
      stageId: components['schemas']['Id'];
      lostReason?: string;
    };
    /** @enum {string} */
    ImportStatus: 'queued' | 'running' | 'completed' | 'failed';
    ImportAccepted: {
      id: components['schemas']['Id'];
      status: components['schemas']['ImportStatus'];
    };
    /** @enum {string} */
    ImportOnDuplicate: 'skip' | 'merge' | 'overwrite';
    /** @enum {string} */
    ImportOnMissingCompany: 'create' | 'skip' | 'fail';
    ImportColumn: {
      header: string;
      field: string | null;
    };
    /** @enum {string} */
    ImportRowStatus: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
    ImportRow: {
      row: number;
      status: components['schemas']['ImportRowStatus'];
      error?: string;
      contactId?: components['schemas']['Id'];
    };
    ImportReport: {
      id: components['schemas']['Id'];
      status: components['schemas']['ImportStatus'];
      onDuplicate: components['schemas']['ImportOnDuplicate'];
      onMissingCompany: components['schemas']['ImportOnMissingCompany'];
      total: number | null;
      processed: number;
      succeeded: number;
      failed: number;
      created: number;
      updated: number;
      unchanged: number;
      skipped: number;
      bytesRead: number;
      bytes: number;
      columns: components['schemas']['ImportColumn'][];
      error: string | null;
      createdBy: components['schemas']['Actor'];
      createdAt: components['schemas']['Timestamp'];
      startedAt: components['schemas']['Timestamp'] & (string | null);
      finishedAt: components['schemas']['Timestamp'] & (string | null);
      rows: components['schemas']['ImportRow'][];
      nextCursor: string | null;
    };
    /** @enum {string} */
    IntegrationKind: 'campaign' | 'messaging';
    Integration: {
      natsUrl: string;
      inboxPrefix: string;
      eventsStream: string;
      durableName: string;
      subscribe: string;
      publish: string | null;
      id: components['schemas']['Id'];
      name: string;
      kind: components['schemas']['IntegrationKind'];
      workspaceId: components['schemas']['Id'];
      userPublicKey: string;
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      revokedAt: components['schemas']['Timestamp'] & (string | null);
    };
    IntegrationList: {
      items: components['schemas']['Integration'][];
      nextCursor: string | null;
    };
    IntegrationCreated: {
      natsUrl: string;
      inboxPrefix: string;
      eventsStream: string;
      durableName: string;
      subscribe: string;
      publish: string | null;
      id: components['schemas']['Id'];
      name: string;
      kind: components['schemas']['IntegrationKind'];
      workspaceId: components['schemas']['Id'];
      userPublicKey: string;
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      revokedAt: components['schemas']['Timestamp'] & (string | null);
      creds: string;
    };
    CreateIntegrationInput: {
      name: string;
      kind: components['schemas']['IntegrationKind'];
    };
    Invitation: {
      id: components['schemas']['Id'];
      email: string;
      role: string;
      invitedBy: string;
      /** @enum {string} */
      status: 'pending' | 'accepted' | 'revoked' | 'expired';
      createdAt: components['schemas']['Timestamp'];
      expiresAt: components['schemas']['Timestamp'];
      acceptedAt: components['schemas']['Timestamp'] & (string | null);
      revokedAt: components['schemas']['Timestamp'] & (string | null);
    };
    InvitationCreated: {
      id: components['schemas']['Id'];
      email: string;
      role: string;
      token: string;
      expiresAt: components['schemas']['Timestamp'];
    };
    CreateInvitationInput: {
      /** Format: email */
      email: string;
      role: components['schemas']['RoleName'];
    };
    LeadConsentInput: {
      given: boolean;
      at?: components['schemas']['Timestamp'];
      source?: string;
      /** Format: ip */
      ip?: string;
      text?: string;
    };
    CaptureLeadInput: {
      firstName?: string;
      lastName?: string;
      displayName?: string;
      /** Format: email */
      email?: string;
      phone?: string;
      companyName?: string;
      jobTitle?: string;
      message?: string;
      tags?: string[];
      fields?: {
        [key: string]: string | number | boolean | null;
      };
      source: string;
      formId?: string;
      utm?: components['schemas']['LeadUtm'] & Record<string, unknown>;
      consent?: components['schemas']['LeadConsentInput'];
      assigneeId?: components['schemas']['Id'];
    };
    UpdateLeadInput: {
      /** @enum {string} */
      status?: 'new' | 'working' | 'qualified' | 'disqualified';
      reason?: string;
      assigneeId?: components['schemas']['Id'] & (string | null);
    };
    ConvertLeadResult: {
      contactId: components['schemas']['Id'];
      created: boolean;
      lead: components['schemas']['Lead'];
    };
    /** @enum {string} */
    OwnershipScope: 'all' | 'team' | 'own';
    Me: {
      user: components['schemas']['User'] & (Record<string, unknown> | null);
      workspace: components['schemas']['Workspace'];
      role: string;
      capabilities: string[];
      scope: components['schemas']['OwnershipScope'];
      readScope: components['schemas']['OwnershipScope'];
      actor: {
        /** @enum {string} */
        type: 'user' | 'api_key' | 'service';
        id: string;
      };
    };
    Member: {
      userId: components['schemas']['Id'];
      email: string;
      name: string;
      role: string;
      joinedAt: components['schemas']['Timestamp'];
      lastSignInAt: components['schemas']['Timestamp'] & (string | null);
      deactivatedAt: components['schemas']['Timestamp'] & (string | null);
    };
    ReassignTo: components['schemas']['Id'] | 'pool';
    /** @enum {string} */
    CredentialsOutcome: 'revoke' | 'transfer';
    /** @enum {string} */
    OffboardingKind: 'contacts' | 'companies' | 'leads' | 'deals' | 'tasks';
    OffboardingStep: {
      kind: components['schemas']['OffboardingKind'];
      moved: number;
      done: boolean;
    };
    Offboarding: {
      id: components['schemas']['Id'];
      userId: components['schemas']['Id'];
      reassignTo: components['schemas']['ReassignTo'];
      /** @enum {string} */
      mode: 'removed' | 'deactivated';
      apiKeys: {
        outcome: components['schemas']['CredentialsOutcome'];
        count: number;
      };
      integrations: {
        outcome: components['schemas']['CredentialsOutcome'];
        count: number;
      };
      /** @enum {string} */
      status: 'running' | 'completed' | 'failed';
      steps: components['schemas']['OffboardingStep'][];
      error: string | null;
      startedAt: components['schemas']['Timestamp'];
      completedAt: components['schemas']['Timestamp'] & (string | null);
    };
    UpdateMemberInput: {
      role: components['schemas']['RoleName'];
    };
    CreateNoteInput: {
      anchor: components['schemas']['NoteAnchor'];
      body: string;
    };
    UpdateNoteInput: {
      body: string;
      revision?: number;
    };
    Stage: {
      id: components['schemas']['Id'];
      name: string;
      category: components['schemas']['DealStatus'];
      probability: number;
    };
    Pipeline: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      name: string;
      stages: components['schemas']['Stage'][];
      requireLostReason: boolean;
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    StageInput: {
      id?: components['schemas']['Id'];
      name: string;
      category: components['schemas']['DealStatus'];
      probability?: number;
    };
    CreatePipelineInput: {
      name: string;
      stages: components['schemas']['StageInput'][];
      requireLostReason?: boolean;
    };
    UpdatePipelineInput: {
      name?: string;
      stages?: components['schemas']['StageInput'][];
      requireLostReason?: boolean;
    };
    BoardColumn: {
      stage: components['schemas']['Stage'];
      count: number;
      amounts: (components['schemas']['Money'] & Record<string, unknown>)[];
      deals: components['schemas']['Deal'][];
      nextCursor: string | null;
    };
    Board: {
      pipeline: components['schemas']['Pipeline'];
      stages: components['schemas']['BoardColumn'][];
    };
    FitCriterion: {
      key: string;
      label: string;
      weight: number;
      /** @enum {string} */
      how: 'manual' | 'derived';
      filter: {
        [key: string]: unknown;
      } | null;
    };
    Product: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      name: string;
      slug: string;
      description: string | null;
      criteria: components['schemas']['FitCriterion'][];
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    FitSlug: string;
    FitCriterionInput: {
      key: components['schemas']['FitSlug'];
      label: string;
      weight: number;
      filter?: {
        [key: string]: unknown;
      };
    };
    CreateProductInput: {
      name: string;
      slug: components['schemas']['FitSlug'];
      description?: string;
      criteria: components['schemas']['FitCriterionInput'][];
    };
    UpdateProductInput: {
      name?: string;
      description?: string | null;
      criteria?: components['schemas']['FitCriterionInput'][];
    };
    AssessContactInput: {
      contactId: components['schemas']['Id'];
      /** @default {} */
      scores?: {
        [key: string]: number;
      };
      note?: string;
    };
    ReviewInput: {
      review: components['schemas']['ReviewState'];
      note?: string;
    };
    Role: {
      name: string;
      capabilities: string[];
      scope: components['schemas']['OwnershipScope'];
      readScope: components['schemas']['OwnershipScope'];
      builtIn: boolean;
      overridden: boolean;
    };
    CreateRoleInput: {
      name: components['schemas']['RoleName'];
      capabilities: string[];
      scope: components['schemas']['OwnershipScope'];
      readScope?: components['schemas']['OwnershipScope'] & unknown;
    };
    RoleDeleted: {
      name: string;
      reset: boolean;
      movedTo: string | null;
      moved: {
        members: number;
        apiKeys: number;
        invitations: number;
      };
    };
    PutRoleInput: {
      capabilities: string[];
      scope: components['schemas']['OwnershipScope'];
      readScope?: components['schemas']['OwnershipScope'] & unknown;
    };
    /** @description Segment filter AST (see the contract: and/or/not, field, activity, segment) */
    SegmentFilter: {
      [key: string]: unknown;
    } | null;
    SegmentDependencies: {
      segments: components['schemas']['Id'][];
      relativeTime: boolean;
      activity: boolean;
    };
    /** @enum {string} */
    SegmentStatus: 'evaluating' | 'ready';
    Segment: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      name: string;
      description: string | null;
      type: components['schemas']['SegmentType'];
      filter: components['schemas']['SegmentFilter'];
      dependsOn: components['schemas']['SegmentDependencies'];
      definitionVersion: number;
      version: number;
      createdBy: string;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      status: components['schemas']['SegmentStatus'];
      memberCount: number;
    };
    CreateSegmentInput: {
      name: string;
      description?: string | null;
      type: components['schemas']['SegmentType'];
      filter?: components['schemas']['SegmentFilter'] & Record<string, unknown>;
    };
    UpdateSegmentInput: {
      name?: string;
      description?: string | null;
      type?: components['schemas']['SegmentType'];
      filter?: components['schemas']['SegmentFilter'];
      version?: number;
    };
    SegmentExplainNode: {
      condition?: unknown;
      held: boolean;
      children?: {
        [key: string]: unknown;
      }[];
      actual?: unknown;
    } | null;
    SegmentExplanation: {
      segmentId: components['schemas']['Id'];
      contactId: components['schemas']['Id'];
      member: boolean;
      /** @enum {string|null} */
      via: 'rule' | 'explicit' | null;
      /** @enum {string|null} */
      explicit: 'include' | 'exclude' | null;
      active: boolean;
      ruleMatch: boolean | null;
      conditions: components['schemas']['SegmentExplainNode'];
      joinedAt: components['schemas']['Timestamp'] & (string | null);
      leftAt: components['schemas']['Timestamp'] & (string | null);
      evaluatedAt: components['schemas']['Timestamp'];
    };
    SegmentMember: {
      contactId: components['schemas']['Id'];
      /** @enum {string} */
      via: 'rule' | 'explicit';
      joinedAt: components['schemas']['Timestamp'];
    };
    UpdateSegmentMembersResult: {
      included: number;
      excluded: number;
      reset: number;
    };
    UpdateSegmentMembersInput: {
      /** @default [] */
      add?: components['schemas']['Id'][];
      /** @default [] */
      remove?: components['schemas']['Id'][];
      /** @default [] */
      reset?: components['schemas']['Id'][];
    };
    PreviewSegmentResult: {
      count: number;
      sample: {
        contactId: components['schemas']['Id'];
        displayName: string | null;
        email: string | null;
      }[];
      scanned: number;
      truncated: boolean;
    };
    PreviewSegmentInput: {
      filter: components['schemas']['SegmentFilter'] & Record<string, unknown>;
      /** @default 10 */
      sampleSize?: number;
    };
    /** @enum {string} */
    DedupRule: 'email' | 'phone';
    DedupClash: {
      contactId: string;
      duplicateOf: string;
    };
    DedupRecompute: {
      rule: components['schemas']['DedupRule'];
      /** @enum {string} */
      state: 'running' | 'done';
      startedAt: components['schemas']['Timestamp'];
      finishedAt: components['schemas']['Timestamp'] & (string | null);
      rekeyed: number;
      clashCount: number;
      clashes: components['schemas']['DedupClash'][];
    } | null;
    ContactSettings: {
      workspaceId: string;
      stages: string[];
      leadSources: string[];
      dedupRule: components['schemas']['DedupRule'];
      dedup: components['schemas']['DedupRecompute'];
      archivedRetentionDays: number | null;
      version: number;
      updatedAt: components['schemas']['Timestamp'] & (string | null);
    };
    UpdateContactSettingsInput: {
      stages?: string[];
      leadSources?: string[];
      dedupRule?: components['schemas']['DedupRule'];
      archivedRetentionDays?: number | null;
      version?: number;
    };
    LeadSettings: {
      roundRobin: components['schemas']['Id'][];
      version: number;
    };
    UpdateLeadSettingsInput: {
      roundRobin: components['schemas']['Id'][];
    };
    /** @enum {string} */
    SuppressionStatus: 'active' | 'lifted';
    SuppressionHistoryEntry: {
      /** @enum {string} */
      action: 'added' | 'lifted';
      reason?: components['schemas']['SuppressionReason'];
      at: components['schemas']['Timestamp'];
      source: string;
      sourceId?: string;
      note?: string;
    };
    Suppression: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      address: string;
      channelType: components['schemas']['ChannelType'];
      status: components['schemas']['SuppressionStatus'];
      reason: components['schemas']['SuppressionReason'];
      reasons: components['schemas']['SuppressionReason'][];
      suppressedAt: components['schemas']['Timestamp'];
      liftedAt: components['schemas']['Timestamp'] & (string | null);
      history: components['schemas']['SuppressionHistoryEntry'][];
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    CreateSuppressionInput: {
      address: string;
      channelType: components['schemas']['ChannelType'];
      reason?: components['schemas']['SuppressionReason'] & unknown;
      note?: string;
    };
    TagCount: {
      name: string;
      count: number;
      color?: string | null;
    };
    TagLibrary: {
      tags: components['schemas']['TagCount'][];
      systemTags: components['schemas']['TagCount'][];
    };
    TagDefinition: {
      name: string;
      color: string | null;
      system: boolean;
      count: number;
      createdAt: components['schemas']['Timestamp'] & (string | null);
    };
    TagName: string;
    CreateTagInput: {
      name: components['schemas']['TagName'];
      color?: string;
    };
    /** @enum {string} */
    TagOperationKind: 'rename' | 'merge' | 'delete';
    /** @enum {string} */
    TagOperationStatus: 'queued' | 'running' | 'completed' | 'failed';
    TagOperation: {
      id: components['schemas']['Id'];
      kind: components['schemas']['TagOperationKind'];
      tag: string;
      into: string | null;
      status: components['schemas']['TagOperationStatus'];
      changed: number;
      failed: number;
      createdAt: components['schemas']['Timestamp'];
      completedAt: components['schemas']['Timestamp'] & (string | null);
    } | null;
    TagChange: {
      tag: components['schemas']['TagDefinition'] & (Record<string, unknown> | null);
      operation: components['schemas']['TagOperation'];
    };
    UpdateTagInput: {
      name?: components['schemas']['TagName'];
      color?: string | null;
    };
    MergeTagInput: {
      into: components['schemas']['TagName'];
    };
    TaskAnchor: {
      /** @enum {string} */
      type: 'contact' | 'deal' | 'company';
      id: components['schemas']['Id'];
    };
    CreateTaskInput: {
      title: string;
      description?: string;
      anchor: components['schemas']['TaskAnchor'];
      assigneeId?: components['schemas']['Id'];
      dueAt?: components['schemas']['Timestamp'];
      priority?: components['schemas']['TaskPriority'];
    };
    UpdateTaskInput: {
      title?: string;
      description?: string | null;
      assigneeId?: components['schemas']['Id'] & (string | null);
      dueAt?: components['schemas']['Timestamp'] & (string | null);
      priority?: components['schemas']['TaskPriority'];
    };
    Team: {
      id: components['schemas']['Id'];
      name: string;
      memberIds: string[];
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    CreateTeamInput: {
      name: string;
      /** @default [] */
      memberIds?: components['schemas']['Id'][];
    };
    UpdateTeamInput: {
      name?: string;
      memberIds?: components['schemas']['Id'][];
    };
    Webhook: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      url: string;
      events: string[];
      segmentIds: components['schemas']['Id'][] | null;
      enabled: boolean;
      orderedByContact: boolean;
      description: string | null;
      /** @enum {string|null} */
      disabledReason: 'failing' | null;
      failingSince: components['schemas']['Timestamp'] & (string | null);
      previousSecretExpiresAt: components['schemas']['Timestamp'] & (string | null);
      createdBy: components['schemas']['Actor'];
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    WebhookWithSecret: {
      id: components['schemas']['Id'];
      workspaceId: components['schemas']['Id'];
      url: string;
      events: string[];
      segmentIds: components['schemas']['Id'][] | null;
      enabled: boolean;
      orderedByContact: boolean;
      description: string | null;
      /** @enum {string|null} */
      disabledReason: 'failing' | null;
      failingSince: components['schemas']['Timestamp'] & (string | null);
      previousSecretExpiresAt: components['schemas']['Timestamp'] & (string | null);
      createdBy: components['schemas']['Actor'];
      version: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      secret: string;
    };
    /** Format: uri */
    WebhookUrl: string;
    WebhookEventPattern: string;
    CreateWebhookInput: {
      url: components['schemas']['WebhookUrl'];
      events: components['schemas']['WebhookEventPattern'][];
      segmentIds?: components['schemas']['Id'][];
      enabled?: boolean;
      orderedByContact?: boolean;
      description?: string;
    };
    UpdateWebhookInput: {
      /** Format: uri */
      url?: string;
      events?: components['schemas']['WebhookEventPattern'][];
      segmentIds?: components['schemas']['Id'][] | null;
      enabled?: boolean;
      orderedByContact?: boolean;
      description?: string | null;
    };
    /** @enum {string} */
    WebhookDeliveryStatus: 'pending' | 'succeeded' | 'failed';
    WebhookAttempt: {
      at: components['schemas']['Timestamp'];
      responseCode: number | null;
      latencyMs: number;
      error: string | null;
    };
    WebhookDelivery: {
      id: components['schemas']['Id'];
      webhookId: components['schemas']['Id'];
      eventId: components['schemas']['Id'];
      eventType: string;
      status: components['schemas']['WebhookDeliveryStatus'];
      attempts: number;
      responseCode: number | null;
      latencyMs: number | null;
      attemptLog: components['schemas']['WebhookAttempt'][];
      nextAttemptAt: components['schemas']['Timestamp'] & (string | null);
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
    };
    RotateWebhookSecretInput: {
      overlapSeconds?: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  'openApi.docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'health.dbCommands': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'health.live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'health.ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'metrics.scrape': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'openApi.openapi': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segmentsAdmin.rebuild': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectionRebuild'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'apiKeys.list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKey'][];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'apiKeys.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateApiKeyInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyCreated'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'apiKeys.revoke': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done, no content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'audit.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        targetId?: string;
        targetType?: string;
        actorId?: string;
        tag?: string;
        action?: string;
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditEntry'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'audit.export': {
    parameters: {
      query?: {
        targetId?: string;
        targetType?: string;
        actorId?: string;
        tag?: string;
        action?: string;
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['AcceptInvitationInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'auth.login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['LoginInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'auth.logout': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['LogoutInput'];
      };
    };
    responses: {
      /** @description done, no content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'auth.refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RefreshInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'auth.signup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SignupInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'communications.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Communication'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'communications.delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Communication'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'communications.edit': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['EditCommunicationInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Communication'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'companies.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        q?: string;
        domain?: string;
        status?: 'active' | 'archived';
        ownerId?: components['schemas']['Id'] | 'me' | 'none';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Company'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'companies.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateCompanyInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Company'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'companies.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Company'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'companies.archive': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Company'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'companies.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateCompanyInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Company'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'companies.contacts': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Contact'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'timeline.company': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        types?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['TimelineEntry'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'companies.merge': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['MergeCompaniesInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeCompaniesResult'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contacts.list': {
    parameters: {
      query?: {
        q?: string;
        tags?: string | string[];
        tagMode?: 'any' | 'all' | 'none';
        segmentId?: string;
        ownerId?: components['schemas']['Id'] | 'me' | 'none';
        stage?: string;
        companyId?: string;
        status?: 'active' | 'archived';
        sort?:
          | 'createdAt'
          | '-createdAt'
          | 'updatedAt'
          | '-updatedAt'
          | 'lastTouchAt'
          | '-lastTouchAt'
          | 'displayName'
          | '-displayName';
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Contact'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contacts.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateContactInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contacts.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          /** @description The record version as an entity tag, e.g. "3" */
          etag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactWrites.archive': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          /** @description The record version as an entity tag, e.g. "3" */
          etag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactWrites.update': {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version the change was made from ("3", W/"3" or 3): 409 version_conflict if the record changed since */
        'if-match'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateContactInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          /** @description The record version as an entity tag, e.g. "3" */
          etag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'channelConsent.record': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
        channelId: components['schemas']['ChannelKey'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RecordConsentInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          /** @description The record version as an entity tag, e.g. "3" */
          etag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactWrites.claim': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          /** @description The record version as an entity tag, e.g. "3" */
          etag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'communications.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        channel?:
          | 'email'
          | 'call'
          | 'meeting'
          | 'form'
          | 'chat'
          | 'note'
          | 'sms'
          | 'whatsapp'
          | 'linkedin'
          | 'telegram';
        history?: 'true' | 'false';
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Communication'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'communications.log': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['LogCommunicationInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Communication'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactPrivacy.dataExport': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonDataExport'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactPrivacy.erase': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['EraseContactBody'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EraseContactResult'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactWrites.release': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          /** @description The record version as an entity tag, e.g. "3" */
          etag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactWrites.restore': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          /** @description The record version as an entity tag, e.g. "3" */
          etag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactSegments.segments': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ContactSegment'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactWrites.tags': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ContactTagsInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          /** @description The record version as an entity tag, e.g. "3" */
          etag: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Contact'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'timeline.contact': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        types?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['TimelineEntry'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactWrites.bulk': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['BulkContactsInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkContactsResult'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactsExport.export': {
    parameters: {
      query?: {
        q?: string;
        tags?: string | string[];
        tagMode?: 'any' | 'all' | 'none';
        segmentId?: string;
        ownerId?: components['schemas']['Id'] | 'me' | 'none';
        stage?: string;
        companyId?: string;
        status?: 'active' | 'archived';
        sort?:
          | 'createdAt'
          | '-createdAt'
          | 'updatedAt'
          | '-updatedAt'
          | 'lastTouchAt'
          | '-lastTouchAt'
          | 'displayName'
          | '-displayName';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactWrites.merge': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['MergeContactsInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MergeContactsResult'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'customFields.list': {
    parameters: {
      query?: {
        entity?: 'contact' | 'company';
        status?: 'active' | 'retired';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomFieldList'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'customFields.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateCustomFieldInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomField'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'customFields.retire': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomField'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'customFields.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateCustomFieldInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomField'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'deadLetters.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        consumer?: string;
        reason?: 'invalid' | 'rejected' | 'exhausted' | 'unpublishable' | 'workspace_mismatch';
        since?: string;
        until?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['DeadLetter'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'deadLetters.replay': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ReplayDeadLettersInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReplayDeadLettersResult'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'deals.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        pipelineId?: string;
        stageId?: string;
        status?: 'open' | 'won' | 'lost';
        ownerId?: components['schemas']['Id'] | 'me' | 'none';
        contactId?: string;
        companyId?: string;
        closeFrom?: string;
        closeTo?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Deal'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'deals.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateDealInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deal'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'deals.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deal'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'deals.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateDealInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deal'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'deals.move': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['MoveDealInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Deal'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'timeline.deal': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        types?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['TimelineEntry'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'imports.start': {
    parameters: {
      query?: {
        onDuplicate?: 'skip' | 'merge' | 'overwrite';
        onMissingCompany?: 'create' | 'skip' | 'fail';
        /** @description JSON object {"<CSV header>": "<field>"} (URL-encoded): a field name such as email, firstName, tags, address.city, custom.<slug>, metadata.<key>, or ignore. Headers match trimmed and case-insensitively; columns it does not name map by their names. */
        mapping?: string;
        delimiter?: ',' | ';' | '\t' | '|';
      };
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportAccepted'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'imports.get': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportReport'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'imports.failedRows': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'integrations.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntegrationList'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'integrations.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateIntegrationInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntegrationCreated'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'integrations.revoke': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done, no content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.invitationsList': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Invitation'][];
          };
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.invite': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateInvitationInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationCreated'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.revokeInvitation': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        invitationId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Invitation'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'leads.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: 'new' | 'working' | 'qualified' | 'converted' | 'disqualified';
        assigneeId?: 'me' | 'none' | components['schemas']['Id'];
        source?: string;
        formId?: string;
        email?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Lead'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'leads.capture': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CaptureLeadInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Lead'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'leads.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Lead'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'leads.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateLeadInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Lead'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'leads.convert': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConvertLeadResult'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'auth.me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Member'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.remove': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Offboarding'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.change': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateMemberInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Member'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'notes.list': {
    parameters: {
      query: {
        limit?: number;
        cursor?: string;
        anchorType: components['schemas']['NoteAnchorType'];
        anchorId: components['schemas']['Id'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Note'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'notes.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateNoteInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Note'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'notes.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Note'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'notes.delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Note'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'notes.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateNoteInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Note'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'members.offboardingProgress': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Offboarding'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'pipelines.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Pipeline'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'pipelines.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreatePipelineInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Pipeline'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'pipelines.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Pipeline'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'pipelines.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdatePipelineInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Pipeline'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'pipelines.board': {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Board'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'pipelines.boardStage': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
        stageId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BoardColumn'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'pipelines.deleteStage': {
    parameters: {
      query?: {
        moveTo?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
        stageId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Pipeline'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'products.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Product'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'products.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateProductInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Product'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'products.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Product'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'products.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateProductInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Product'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'products.history': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        contactId?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Assessment'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'products.assess': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['AssessContactInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Assessment'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'products.ranking': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        review?: 'pending' | 'approved' | 'rejected';
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RankingEntry'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'products.review': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
        contactId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ReviewInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RankingEntry'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'roles.list': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Role'][];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'roles.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateRoleInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Role'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'roles.put': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: components['schemas']['RoleName'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PutRoleInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Role'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'roles.remove': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        key: components['schemas']['RoleName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleDeleted'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        type?: 'static' | 'dynamic';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Segment'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateSegmentInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Segment'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Segment'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Segment'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateSegmentInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Segment'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.explain': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
        contactId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SegmentExplanation'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.members': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SegmentMember'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.updateMembers': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateSegmentMembersInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UpdateSegmentMembersResult'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'segments.preview': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PreviewSegmentInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PreviewSegmentResult'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactSettings.get': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactSettings'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'contactSettings.update': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateContactSettingsInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactSettings'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'leadSettings.get': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadSettings'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'leadSettings.update': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateLeadSettingsInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LeadSettings'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'suppressions.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: 'active' | 'lifted';
        channelType?: 'email' | 'phone' | 'sms' | 'whatsapp' | 'linkedin' | 'telegram' | 'other';
        address?: string;
        reason?: 'bounce' | 'complaint' | 'unsubscribe' | 'manual';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Suppression'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'suppressions.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateSuppressionInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Suppression'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'suppressions.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Suppression'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'suppressions.lift': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Suppression'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tags.list': {
    parameters: {
      query?: {
        prefix?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagLibrary'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tags.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateTagInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagDefinition'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tags.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: components['schemas']['TagName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagDefinition'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tags.delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: components['schemas']['TagName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagChange'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tags.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: components['schemas']['TagName'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateTagInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagChange'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tags.merge': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        name: components['schemas']['TagName'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['MergeTagInput'];
      };
    };
    responses: {
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagChange'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tags.operation': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TagOperation'] & Record<string, unknown>;
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tasks.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        pool?: boolean | ('true' | 'false');
        assigneeId?: components['schemas']['Id'] | 'me';
        anchorType?: 'contact' | 'deal' | 'company' | 'webhook';
        anchorId?: string;
        status?: 'open' | 'completed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Task'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tasks.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateTaskInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tasks.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tasks.delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done, no content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tasks.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateTaskInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tasks.claim': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'tasks.complete': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Task'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'teams.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Team'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'teams.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateTeamInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Team'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'teams.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Team'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'teams.remove': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done, no content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'teams.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateTeamInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Team'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.list': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Webhook'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.create': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CreateWebhookInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookWithSecret'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Webhook'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.delete': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description done, no content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UpdateWebhookInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Webhook'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.deliveries': {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        status?: 'pending' | 'succeeded' | 'failed';
      };
      header?: never;
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WebhookDelivery'][];
            nextCursor: string | null;
          };
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.retry': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
        deliveryId: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.rotate': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RotateWebhookSecretInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookWithSecret'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  'webhooks.test': {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        id: components['schemas']['Id'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': Record<string, unknown>;
      };
    };
    responses: {
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDelivery'];
        };
      };
      /** @description validation_failed: the body, path or query does not match the contract */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unauthenticated: missing, expired or revoked credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description forbidden: the caller's role lacks the capability, or the record is not the caller's to write */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description not_found: no such record in this workspace (other workspaces answer the same) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description conflict */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description payload_too_large */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description unsupported_media_type: JSON bodies only */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description idempotency_mismatch: the Idempotency-Key was used with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description rate_limited: see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
