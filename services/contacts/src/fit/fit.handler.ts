import { Controller } from '@nestjs/common';
import {
  RPC,
  type AssessContactInput,
  type Assessment,
  type CreateProductInput,
  type ListAssessmentsQuery,
  type Page,
  type PageQuery,
  type Product,
  type RankingEntry,
  type RankingQuery,
  type RequestContext,
  type ReviewInput,
  type UpdateProductInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { AssessmentsService } from './assessments.service';
import { ProductsService } from './products.service';

/** RPC edge for fit: `rpc.contacts.fit.*`. */
@Controller()
export class FitHandler {
  constructor(
    private readonly products: ProductsService,
    private readonly assessments: AssessmentsService,
  ) {}

  @RpcHandler(RPC.contacts.createProduct)
  createProduct(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: CreateProductInput,
  ): Promise<Product> {
    return this.products.create(ctx, input);
  }

  @RpcHandler(RPC.contacts.getProduct)
  getProduct(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }) {
    return this.products.get(ctx, input.id);
  }

  @RpcHandler(RPC.contacts.listProducts)
  listProducts(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: PageQuery,
  ): Promise<Page<Product>> {
    return this.products.list(ctx, input);
  }

  @RpcHandler(RPC.contacts.updateProduct)
  updateProduct(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateProductInput },
  ): Promise<Product> {
    return this.products.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.contacts.assess)
  assess(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: AssessContactInput & { productId: string },
  ): Promise<Assessment> {
    return this.assessments.assess(ctx, input);
  }

  @RpcHandler(RPC.contacts.listAssessments)
  history(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ListAssessmentsQuery & { productId: string },
  ): Promise<Page<Assessment>> {
    return this.assessments.history(ctx, input);
  }

  @RpcHandler(RPC.contacts.ranking)
  ranking(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: RankingQuery & { productId: string },
  ): Promise<Page<RankingEntry>> {
    return this.assessments.ranking(ctx, input);
  }

  @RpcHandler(RPC.contacts.review)
  review(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ReviewInput & { productId: string; contactId: string },
  ): Promise<RankingEntry> {
    return this.assessments.review(ctx, input);
  }
}
