import type { Query, Schema } from 'mongoose';
import { AppError } from '@switchboard/errors';

/** Query option that lets system code (the outbox relay, migrations) read across tenants. */
export const CROSS_TENANT = 'switchboardCrossTenant';

const QUERY_OPS = [
  'countDocuments',
  'deleteMany',
  'deleteOne',
  'distinct',
  'estimatedDocumentCount',
  'find',
  'findOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'replaceOne',
  'updateMany',
  'updateOne',
] as const;

function assertScoped(this: Query<unknown, unknown>, collection: string): void {
  if (this.getOptions()[CROSS_TENANT as keyof ReturnType<typeof this.getOptions>]) return;
  const workspaceId: unknown = this.getFilter().workspaceId;
  if (typeof workspaceId !== 'string' || workspaceId.length === 0) {
    throw new AppError(
      'internal',
      `unscoped query on tenant collection "${collection}": filter must name workspaceId`,
    );
  }
}

/**
 * Makes it impossible to forget the tenant: every query on a collection with this plugin must
 * filter by `workspaceId` equality, aggregations must start with a `$match` on it, and every
 * document must carry one. Cross-tenant reads must say so with `{ [CROSS_TENANT]: true }`.
 */
export function tenantGuard(schema: Schema): void {
  if (!schema.path('workspaceId')) {
    schema.add({ workspaceId: { type: String, required: true, immutable: true } });
  } else {
    schema.path('workspaceId').required(true);
  }
  for (const op of QUERY_OPS) {
    schema.pre(op, function (this: Query<unknown, unknown>) {
      assertScoped.call(this, this.model.collection.collectionName);
    });
  }
  schema.pre('aggregate', function () {
    if ((this.options as Record<string, unknown>)[CROSS_TENANT]) return;
    const first = this.pipeline()[0] as { $match?: { workspaceId?: unknown } } | undefined;
    if (typeof first?.$match?.workspaceId !== 'string') {
      throw new AppError(
        'internal',
        'unscoped aggregation on a tenant collection: start with $match on workspaceId',
      );
    }
  });
  // Mongoose 9: pre hooks take no `next`; throwing rejects the bulkWrite.
  schema.pre('bulkWrite', function (ops: unknown[]) {
    for (const op of ops as Record<
      string,
      { filter?: { workspaceId?: unknown }; document?: { workspaceId?: unknown } }
    >[]) {
      const body = Object.values(op)[0];
      const scoped = body?.filter
        ? typeof body.filter.workspaceId === 'string'
        : typeof body?.document?.workspaceId === 'string';
      if (!scoped)
        throw new AppError('internal', 'unscoped bulkWrite operation on a tenant collection');
    }
  });
}
