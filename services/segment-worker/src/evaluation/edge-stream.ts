import type { MembershipDoc } from '@switchboard/segment-store';

/** What an edge stream reads: a segment's edges in `contactId` order, through one cursor. */
export type EdgeCursor = AsyncIterable<MembershipDoc> & { close(): Promise<void> };

/**
 * A segment's edges handed out by contact id range, beside the profile cursor of a full
 * evaluation (a merge join): batch after batch asks for the edges up to its last contact id,
 * and the one cursor moves on. One sorted read per run instead of a range query per batch,
 * which FerretDB answers by reading every edge of the segment (only equality is pushed down).
 *
 * The edges are as they were when the cursor read them: a batch's writes compare-and-set on
 * what it read, so an edge another writer moved (or created) since then fails the write and
 * the contact is decided again on fresh reads, as with any concurrent change.
 */
export class EdgeStream {
  private cursor: EdgeCursor;
  private it: AsyncIterator<MembershipDoc>;
  private head: MembershipDoc | null = null;
  private done = false;
  /** The last contact id read, where a reopened cursor starts after. */
  private last: string | null;

  /** `open(after)`: a cursor over the edges after that contact id (`null`: from the start). */
  constructor(
    private readonly open: (after: string | null) => EdgeCursor,
    after: string | null,
  ) {
    this.last = after;
    this.cursor = open(after);
    this.it = this.cursor[Symbol.asyncIterator]();
  }

  /** The edges with contact ids up to `upTo` (`null`: all the rest), each handed out once. */
  async upTo(upTo: string | null): Promise<MembershipDoc[]> {
    const out: MembershipDoc[] = [];
    for (;;) {
      if (!this.head) {
        if (this.done) return out;
        const next = await this.next();
        if (next.done) {
          this.done = true;
          return out;
        }
        this.head = next.value;
        this.last = next.value.contactId;
      }
      if (upTo !== null && this.head.contactId > upTo) return out;
      out.push(this.head);
      this.head = null;
    }
  }

  /**
   * The next edge. A cursor left idle while the profiles went through a long stretch without
   * edges may have timed out on the server: it is reopened once after the last edge read.
   */
  private async next(): Promise<IteratorResult<MembershipDoc>> {
    try {
      return await this.it.next();
    } catch {
      await this.cursor.close().catch(() => undefined);
      this.cursor = this.open(this.last);
      this.it = this.cursor[Symbol.asyncIterator]();
      return this.it.next();
    }
  }

  close(): Promise<void> {
    return this.cursor.close();
  }
}
