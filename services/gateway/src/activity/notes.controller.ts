import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import {
  CreateNoteInput,
  ListNotesQuery,
  Note,
  NoteIdParams,
  pageOf,
  RPC,
  UpdateNoteInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

/** Markdown notes on contacts, deals and companies, with revisions. */
@Controller('v1/notes')
export class NotesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequiresCapability('notes.write')
  @Operation({ summary: 'Add a markdown note to a contact, deal or company', response: Note })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateNoteInput) body: CreateNoteInput,
  ): Promise<Note> {
    return this.rpc.call(RPC.activity.createNote, ctx, body);
  }

  @Get()
  @RequiresCapability('activity.read')
  @Operation({ summary: "A record's notes, newest first", response: pageOf(Note) })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListNotesQuery) query: ListNotesQuery,
  ): Promise<Page<Note>> {
    return this.rpc.call(RPC.activity.listNotes, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('activity.read')
  @Operation({ summary: 'A note with its earlier revisions', response: Note })
  get(@Ctx() ctx: RequestContext, @ValidParams(NoteIdParams) params: Id): Promise<Note> {
    return this.rpc.call(RPC.activity.getNote, ctx, params);
  }

  @Patch(':id')
  @RequiresCapability('notes.write')
  @Operation({ summary: 'Edit a note: a new revision, the previous text is kept', response: Note })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(NoteIdParams) params: Id,
    @ValidBody(UpdateNoteInput) body: UpdateNoteInput,
  ): Promise<Note> {
    return this.rpc.call(RPC.activity.updateNote, ctx, { id: params.id, patch: body });
  }

  @Delete(':id')
  @RequiresCapability('notes.write')
  @Operation({ summary: 'Soft-delete a note (it stays in the audit trail)', response: Note })
  delete(@Ctx() ctx: RequestContext, @ValidParams(NoteIdParams) params: Id): Promise<Note> {
    return this.rpc.call(RPC.activity.deleteNote, ctx, params);
  }
}
