import { Injectable } from '@nestjs/common';
import type {
  CreateProductInput,
  Page,
  PageQuery,
  Product,
  RequestContext,
  UpdateProductInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import type { CustomFieldDefinition } from '@switchboard/segment-dsl';
import { CustomFieldsRepository } from '../settings/custom-fields.repository';
import { criteriaOf } from './fit-score';
import { toProduct } from './fit.mapper';
import type { ProductDoc } from './fit.schema';
import { FitRepository } from './fit.repository';

/** Products and their fit criteria (decision 63). */
@Injectable()
export class ProductsService {
  constructor(
    private readonly fit: FitRepository,
    private readonly fields: CustomFieldsRepository,
  ) {}

  async create(ctx: RequestContext, input: CreateProductInput): Promise<Product> {
    const { criteria, errors } = criteriaOf(input.criteria, await this.definitions(ctx));
    if (errors.length > 0) throw AppError.validation('invalid fit criteria', errors);
    const now = new Date();
    const doc: ProductDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      name: input.name,
      slug: input.slug,
      description: input.description ?? null,
      criteria,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const created = buildEvent('product.created', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      aggregateId: doc._id,
      aggregateVersion: 1,
      occurredAt: now,
      data: { product: toProduct(doc) },
    });
    if (!(await this.fit.insertProduct(doc, [created]))) {
      throw new AppError('conflict', `a product with slug ${input.slug} exists`, {
        slug: input.slug,
      });
    }
    return toProduct(doc);
  }

  async get(ctx: RequestContext, id: string): Promise<Product> {
    return toProduct(await this.load(ctx.workspaceId, id));
  }

  async list(ctx: RequestContext, q: PageQuery): Promise<Page<Product>> {
    const page = await this.fit.pageProducts(ctx.workspaceId, q.limit, q.cursor);
    return { items: page.items.map(toProduct), nextCursor: page.nextCursor };
  }

  /** New criteria apply to later assessments; earlier ones keep the criteria they were made by. */
  async update(ctx: RequestContext, id: string, patch: UpdateProductInput): Promise<Product> {
    const checked = patch.criteria
      ? criteriaOf(patch.criteria, await this.definitions(ctx))
      : undefined;
    if (checked && checked.errors.length > 0) {
      throw AppError.validation('invalid fit criteria', checked.errors);
    }
    const { doc } = await this.fit.mutateProduct(ctx.workspaceId, id, (doc) => {
      const next: ProductDoc = {
        ...doc,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(checked ? { criteria: checked.criteria } : {}),
        version: doc.version + 1,
        updatedAt: new Date(),
      };
      const product = toProduct(next);
      const before = toProduct(doc);
      const changes = (['name', 'description', 'criteria'] as const).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(product[k]),
      );
      if (changes.length === 0) return null;
      const updated = buildEvent('product.updated', {
        workspaceId: ctx.workspaceId,
        actor: ctx.actor,
        aggregateId: next._id,
        aggregateVersion: next.version,
        occurredAt: next.updatedAt,
        data: { product, changes: [...changes] },
      });
      return { next, events: [updated] };
    });
    return toProduct(doc);
  }

  async load(workspaceId: string, id: string): Promise<ProductDoc> {
    const doc = await this.fit.findProduct(workspaceId, id);
    if (!doc) throw AppError.notFound('product', id);
    return doc;
  }

  async definitions(ctx: Pick<RequestContext, 'workspaceId'>): Promise<CustomFieldDefinition[]> {
    const defs = await this.fields.list(ctx.workspaceId, 'contact');
    return defs.map((d) => ({
      slug: d.slug,
      type: d.type,
      options: d.options,
      retired: d.status !== 'active',
    }));
  }
}
