import { z } from 'zod';
import { pageOf, PageQuery } from '../common/pagination';
import { Id } from '../common/primitives';
import {
  AssessContactInput,
  Assessment,
  CreateProductInput,
  ListAssessmentsQuery,
  Product,
  RankingEntry,
  RankingQuery,
  ReviewInput,
  UpdateProductInput,
} from './fit';

const ById = z.object({ id: Id }).strict();

/** Products and fit assessments, served by the contacts service (`rpc.contacts.fit.*`). */
export const FIT_RPC = {
  createProduct: {
    subject: 'rpc.contacts.fit.product.create',
    input: CreateProductInput,
    output: Product,
  },
  getProduct: { subject: 'rpc.contacts.fit.product.get', input: ById, output: Product },
  listProducts: {
    subject: 'rpc.contacts.fit.product.list',
    input: PageQuery,
    output: pageOf(Product),
  },
  updateProduct: {
    subject: 'rpc.contacts.fit.product.update',
    input: z.object({ id: Id, patch: UpdateProductInput }).strict(),
    output: Product,
  },
  assess: {
    subject: 'rpc.contacts.fit.assess',
    input: AssessContactInput.extend({ productId: Id }).strict(),
    output: Assessment,
  },
  listAssessments: {
    subject: 'rpc.contacts.fit.assessments',
    input: ListAssessmentsQuery.extend({ productId: Id }).strict(),
    output: pageOf(Assessment),
  },
  ranking: {
    subject: 'rpc.contacts.fit.ranking',
    input: RankingQuery.extend({ productId: Id }).strict(),
    output: pageOf(RankingEntry),
  },
  review: {
    subject: 'rpc.contacts.fit.review',
    input: ReviewInput.extend({ productId: Id, contactId: Id }).strict(),
    output: RankingEntry,
  },
} as const;
