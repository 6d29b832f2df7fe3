import { Controller, Get, Patch, Post } from '@nestjs/common';
import {
  AssessContactInput,
  Assessment,
  CreateProductInput,
  ListAssessmentsQuery,
  PageQuery,
  pageOf,
  Product,
  ProductIdParams,
  RankingEntry,
  RankingParams,
  RankingQuery,
  ReviewInput,
  RPC,
  UpdateProductInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

@Controller('v1/products')
export class ProductsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequiresCapability('fit.configure')
  @Operation({
    summary:
      'Define a product and its fit criteria (key, label, weight; scored 0–100 by a person, ' +
      'or derived from a segment filter over the contact: 100 when it holds, else 0)',
    response: Product,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateProductInput) body: CreateProductInput,
  ): Promise<Product> {
    return this.rpc.call(RPC.contacts.createProduct, ctx, body);
  }

  @Get()
  @RequiresCapability('fit.read')
  @Operation({ summary: 'List products, newest first', response: pageOf(Product) })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(PageQuery) query: PageQuery,
  ): Promise<Page<Product>> {
    return this.rpc.call(RPC.contacts.listProducts, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('fit.read')
  @Operation({ summary: 'Get a product with its criteria', response: Product })
  get(@Ctx() ctx: RequestContext, @ValidParams(ProductIdParams) params: Id): Promise<Product> {
    return this.rpc.call(RPC.contacts.getProduct, ctx, params);
  }

  @Patch(':id')
  @RequiresCapability('fit.configure')
  @Operation({
    summary: 'Rename or change criteria (later assessments use them; history keeps its own)',
    response: Product,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(ProductIdParams) params: Id,
    @ValidBody(UpdateProductInput) body: UpdateProductInput,
  ): Promise<Product> {
    return this.rpc.call(RPC.contacts.updateProduct, ctx, { id: params.id, patch: body });
  }

  @Post(':id/assessments')
  @RequiresCapability('fit.assess')
  @Operation({
    summary:
      'Assess a contact: scores of the manual criteria; derived ones computed; weighted ' +
      'total; a new entry in the history (never overwritten), the ranking moves, contact.scored',
    response: Assessment,
  })
  assess(
    @Ctx() ctx: RequestContext,
    @ValidParams(ProductIdParams) params: Id,
    @ValidBody(AssessContactInput) body: AssessContactInput,
  ): Promise<Assessment> {
    return this.rpc.call(RPC.contacts.assess, ctx, { ...body, productId: params.id });
  }

  @Get(':id/assessments')
  @RequiresCapability('fit.read')
  @Operation({
    summary: 'Assessment history of the product, newest first (?contactId= for one contact)',
    response: pageOf(Assessment),
  })
  history(
    @Ctx() ctx: RequestContext,
    @ValidParams(ProductIdParams) params: Id,
    @ValidQuery(ListAssessmentsQuery) query: ListAssessmentsQuery,
  ): Promise<Page<Assessment>> {
    return this.rpc.call(RPC.contacts.listAssessments, ctx, { ...query, productId: params.id });
  }

  @Get(':id/ranking')
  @RequiresCapability('fit.read')
  @Operation({
    summary: 'Contacts by fit, highest total first, with the review state (?review=)',
    response: pageOf(RankingEntry),
  })
  ranking(
    @Ctx() ctx: RequestContext,
    @ValidParams(ProductIdParams) params: Id,
    @ValidQuery(RankingQuery) query: RankingQuery,
  ): Promise<Page<RankingEntry>> {
    return this.rpc.call(RPC.contacts.ranking, ctx, { ...query, productId: params.id });
  }

  @Patch(':id/ranking/:contactId')
  @RequiresCapability('fit.assess')
  @Operation({
    summary: 'Review the contact’s current assessment: pending, approved or rejected',
    response: RankingEntry,
  })
  review(
    @Ctx() ctx: RequestContext,
    @ValidParams(RankingParams) params: { id: string; contactId: string },
    @ValidBody(ReviewInput) body: ReviewInput,
  ): Promise<RankingEntry> {
    return this.rpc.call(RPC.contacts.review, ctx, {
      ...body,
      productId: params.id,
      contactId: params.contactId,
    });
  }
}
