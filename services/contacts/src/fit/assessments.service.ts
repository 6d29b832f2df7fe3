import { Injectable } from '@nestjs/common';
import type {
  AssessContactInput,
  Assessment,
  ListAssessmentsQuery,
  Page,
  RankingEntry,
  RankingQuery,
  RequestContext,
  ReviewInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { toPredicate } from '@switchboard/segment-dsl';
import { ContactsService } from '../contacts/contacts.service';
import { profileOf } from './contact-profile';
import { scoresOf, weightedTotal } from './fit-score';
import { toAssessment, toRankingEntry } from './fit.mapper';
import type { AssessmentDoc, RankingDoc } from './fit.schema';
import { FitRepository, rankingId } from './fit.repository';
import { ProductsService } from './products.service';

/**
 * Assessments (insert-only history with `contact.scored`), the ranking they feed, and its
 * human review (decision 63).
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly fit: FitRepository,
    private readonly products: ProductsService,
    private readonly contacts: ContactsService,
  ) {}

  async assess(
    ctx: RequestContext,
    input: AssessContactInput & { productId: string },
  ): Promise<Assessment> {
    const product = await this.products.load(ctx.workspaceId, input.productId);
    const contact = await this.contacts.load(ctx.workspaceId, input.contactId);
    if (contact.status !== 'active') {
      throw new AppError('conflict', `contact ${contact._id} is archived`, {
        contactId: contact._id,
      });
    }
    const needsProfile = product.criteria.some((c) => c.how === 'derived');
    const profile = needsProfile
      ? profileOf(contact, await this.products.definitions(ctx), await this.fitOf(ctx, contact._id))
      : null;
    const now = new Date();
    const { scores, errors } = scoresOf(product.criteria, input.scores, (filter) =>
      toPredicate(filter, { now })(profile!),
    );
    if (errors.length > 0) throw AppError.validation('invalid assessment', errors);
    const doc: AssessmentDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      productId: product._id,
      productSlug: product.slug,
      productVersion: product.version,
      contactId: contact._id,
      scores,
      total: weightedTotal(scores),
      note: input.note ?? null,
      assessedBy: ctx.actor,
      assessedAt: now,
    };
    const scored = buildEvent('contact.scored', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      aggregateId: doc._id,
      aggregateVersion: 1,
      occurredAt: now,
      data: {
        contactId: doc.contactId,
        productId: doc.productId,
        productSlug: doc.productSlug,
        total: doc.total,
        assessmentId: doc._id,
        assessedBy: doc.assessedBy,
      },
    });
    await this.fit.insertAssessment(doc, [scored]);
    await this.rank(doc);
    return toAssessment(doc);
  }

  async history(
    ctx: RequestContext,
    q: ListAssessmentsQuery & { productId: string },
  ): Promise<Page<Assessment>> {
    await this.products.load(ctx.workspaceId, q.productId);
    const page = await this.fit.pageAssessments(
      {
        workspaceId: ctx.workspaceId,
        productId: q.productId,
        ...(q.contactId ? { contactId: q.contactId } : {}),
      },
      q.limit,
      q.cursor,
    );
    return { items: page.items.map(toAssessment), nextCursor: page.nextCursor };
  }

  async ranking(
    ctx: RequestContext,
    q: RankingQuery & { productId: string },
  ): Promise<Page<RankingEntry>> {
    await this.products.load(ctx.workspaceId, q.productId);
    const page = await this.fit.pageRanking(
      {
        workspaceId: ctx.workspaceId,
        productId: q.productId,
        ...(q.review ? { review: q.review } : {}),
      },
      q.limit,
      q.cursor,
    );
    return { items: page.items.map(toRankingEntry), nextCursor: page.nextCursor };
  }

  /** A person sets the review state of the contact's current assessment. */
  async review(
    ctx: RequestContext,
    input: ReviewInput & { productId: string; contactId: string },
  ): Promise<RankingEntry> {
    const product = await this.products.load(ctx.workspaceId, input.productId);
    const { doc } = await this.fit.mutateRanking(
      ctx.workspaceId,
      input.productId,
      input.contactId,
      (current) => {
        const next: RankingDoc = {
          ...current,
          review: input.review,
          reviewedBy: ctx.actor,
          reviewedAt: new Date(),
          reviewNote: input.note ?? null,
          version: current.version + 1,
        };
        const reviewed = buildEvent('fit.reviewed', {
          workspaceId: ctx.workspaceId,
          actor: ctx.actor,
          aggregateId: next._id,
          aggregateVersion: next.version,
          occurredAt: next.reviewedAt!,
          data: {
            contactId: next.contactId,
            productId: next.productId,
            productSlug: product.slug,
            assessmentId: next.assessmentId,
            total: next.total,
            review: next.review,
            previous: current.review,
            note: next.reviewNote,
          },
        });
        return { next, events: [reviewed] };
      },
    );
    return toRankingEntry(doc);
  }

  /**
   * The ranking entry follows the newest assessment (ids are time-ordered, so a late writer never
   * puts an older one back); a new assessment needs a new review.
   */
  private async rank(a: AssessmentDoc): Promise<void> {
    const entryOf = (count: number, version: number): RankingDoc => ({
      _id: rankingId(a.productId, a.contactId),
      workspaceId: a.workspaceId,
      productId: a.productId,
      contactId: a.contactId,
      total: a.total,
      assessmentId: a._id,
      assessedAt: a.assessedAt,
      assessedBy: a.assessedBy,
      assessments: count,
      review: 'pending',
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      version,
    });
    // The first entry is inserted (a writer that loses that race updates the winner's); later
    // ones go through the write kernel.
    for (let attempt = 1; attempt <= 2; attempt++) {
      const current = await this.fit.findRanking(a.workspaceId, a.productId, a.contactId);
      if (current && current.assessmentId >= a._id) return;
      const count = await this.fit.countAssessments(a.workspaceId, a.productId, a.contactId);
      if (!current) {
        if (await this.fit.insertRanking(entryOf(count, 1))) return;
        continue;
      }
      await this.fit.mutateRanking(a.workspaceId, a.productId, a.contactId, (entry) =>
        entry.assessmentId >= a._id
          ? null
          : { next: entryOf(count, entry.version + 1), events: [] },
      );
      return;
    }
    throw new AppError('version_conflict', 'the ranking entry keeps changing; try again');
  }

  /** The contact's current fit totals by product slug. */
  private async fitOf(ctx: RequestContext, contactId: string): Promise<Record<string, number>> {
    const rows = await this.fit.rankingsOfContact(ctx.workspaceId, contactId);
    const slugs = new Map(
      (
        await this.fit.productSlugs(
          ctx.workspaceId,
          rows.map((r) => r.productId),
        )
      ).map((p) => [p._id, p.slug]),
    );
    const fit: Record<string, number> = {};
    for (const r of rows) {
      const slug = slugs.get(r.productId);
      if (slug) fit[slug] = r.total;
    }
    return fit;
  }
}
