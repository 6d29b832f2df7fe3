import { Controller } from '@nestjs/common';
import {
  RPC,
  type CreateNoteInput,
  type ListNotesQuery,
  type Note,
  type Page,
  type RequestContext,
  type UpdateNoteInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { NotesService } from './notes.service';

@Controller()
export class NotesHandler {
  constructor(private readonly notes: NotesService) {}

  @RpcHandler(RPC.activity.createNote)
  create(@RpcContext() ctx: RequestContext, @RpcInput() input: CreateNoteInput): Promise<Note> {
    return this.notes.create(ctx, input);
  }

  @RpcHandler(RPC.activity.updateNote)
  update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateNoteInput },
  ): Promise<Note> {
    return this.notes.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.activity.deleteNote)
  delete(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Note> {
    return this.notes.delete(ctx, input.id);
  }

  @RpcHandler(RPC.activity.getNote)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Note> {
    return this.notes.get(ctx, input.id);
  }

  @RpcHandler(RPC.activity.listNotes)
  list(@RpcContext() ctx: RequestContext, @RpcInput() input: ListNotesQuery): Promise<Page<Note>> {
    return this.notes.list(ctx, input);
  }
}
