import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import type { OutboxBatch, OutboxSource, PublishedBatch } from '@switchboard/messaging';
import { CROSS_TENANT } from '@switchboard/storage';
import type { ImportEventsDoc } from './import.schema';

/**
 * Events of one document handed to the relay as independent groups: they are contact.created of
 * distinct contacts, whose order among themselves nobody relies on, so the groups go out in
 * parallel (the relay keeps order within a group only).
 */
const GROUP = 50;

interface Ref {
  _id: string;
  workspaceId: string;
  events: EventEnvelope[];
}

/**
 * The relay's view of `import_events`: each document is one batch's contact.created events;
 * once they are all out it is deleted (cut down to those that did not go out, if some failed).
 */
export class ImportEventsSource implements OutboxSource {
  readonly name = 'import_events';

  constructor(private readonly model: Model<ImportEventsDoc>) {}

  async pending(limit: number): Promise<OutboxBatch[]> {
    const docs = await this.model
      .find({}, { events: 1, workspaceId: 1 })
      .setOptions({ [CROSS_TENANT]: true })
      .limit(limit)
      .lean<ImportEventsDoc[]>();
    return docs.flatMap((d) => {
      const ref: Ref = {
        _id: d._id,
        workspaceId: d.workspaceId,
        events: JSON.parse(d.events) as EventEnvelope[],
      };
      const groups: OutboxBatch[] = [];
      for (let at = 0; at < ref.events.length; at += GROUP) {
        groups.push({ ref, events: ref.events.slice(at, at + GROUP) });
      }
      return groups;
    });
  }

  async markPublished(published: PublishedBatch[]): Promise<void> {
    const sent = new Map<Ref, Set<string>>();
    for (const { batch, eventIds } of published) {
      const ref = batch.ref as Ref;
      const ids = sent.get(ref) ?? new Set<string>();
      eventIds.forEach((id) => ids.add(id));
      sent.set(ref, ids);
    }
    for (const [{ _id, workspaceId, events }, ids] of sent) {
      const left = events.filter((e) => !ids.has(e.id));
      if (left.length === 0) await this.model.deleteOne({ _id, workspaceId });
      else if (left.length < events.length) {
        await this.model.updateOne(
          { _id, workspaceId },
          { $set: { events: JSON.stringify(left) } },
        );
      }
    }
  }
}
