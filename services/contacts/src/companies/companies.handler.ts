import { Controller } from '@nestjs/common';
import {
  RPC,
  type Company,
  type Contact,
  type CreateCompanyInput,
  type ListCompaniesQuery,
  type MergeCompaniesInput,
  type MergeCompaniesResult,
  type Page,
  type PageQuery,
  type ReassignOwnerInput,
  type ReassignOwnerResult,
  type RequestContext,
  type UpdateCompanyInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { CompaniesService } from './companies.service';
import { CompanyContactsService } from './company-contacts.service';
import { CompanyMergeService } from './company-merge.service';

/** RPC edge for companies: `rpc.contacts.company.*`. */
@Controller()
export class CompaniesHandler {
  constructor(
    private readonly companies: CompaniesService,
    private readonly merges: CompanyMergeService,
    private readonly contacts: CompanyContactsService,
  ) {}

  @RpcHandler(RPC.contacts.createCompany)
  create(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: CreateCompanyInput,
  ): Promise<Company> {
    return this.companies.create(ctx, input);
  }

  @RpcHandler(RPC.contacts.getCompany)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Company> {
    return this.companies.get(ctx, input.id);
  }

  @RpcHandler(RPC.contacts.listCompanies)
  list(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ListCompaniesQuery,
  ): Promise<Page<Company>> {
    return this.companies.list(ctx, input);
  }

  @RpcHandler(RPC.contacts.updateCompany)
  update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateCompanyInput },
  ): Promise<Company> {
    return this.companies.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.contacts.reassignCompanyOwner)
  reassignOwner(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    return this.companies.reassignOwner(ctx, input);
  }

  @RpcHandler(RPC.contacts.archiveCompany)
  archive(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Company> {
    return this.companies.archive(ctx, input.id);
  }

  @RpcHandler(RPC.contacts.mergeCompanies)
  merge(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: MergeCompaniesInput,
  ): Promise<MergeCompaniesResult> {
    return this.merges.merge(ctx, input);
  }

  @RpcHandler(RPC.contacts.companyContacts)
  async contactsOf(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: PageQuery & { id: string },
  ): Promise<Page<Contact>> {
    await this.companies.get(ctx, input.id); // 404 for another workspace's or an unreadable company
    return this.contacts.list(ctx, input.id, input);
  }
}
