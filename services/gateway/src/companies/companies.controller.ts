import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ChecksMemberIds } from '../access/member-ids.interceptor';
import {
  Company,
  CompanyIdParams,
  Contact,
  CreateCompanyInput,
  ListCompaniesQuery,
  MergeCompaniesInput,
  MergeCompaniesResult,
  PageQuery,
  pageOf,
  RPC,
  UpdateCompanyInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

/** Companies share the contact capabilities: they are records of the same plane. */
@Controller('v1/companies')
export class CompaniesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ChecksMemberIds()
  @RequiresCapability('contacts.create')
  @Operation({
    summary: 'Create a company; each domain belongs to one active company (409 otherwise)',
    response: Company,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateCompanyInput) body: CreateCompanyInput,
  ): Promise<Company> {
    return this.rpc.call(RPC.contacts.createCompany, ctx, body);
  }

  @Get()
  @RequiresCapability('contacts.read')
  @Operation({
    summary:
      'List companies: q (name words, domains by prefix), domain, ownerId (me, none), status',
    response: pageOf(Company),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListCompaniesQuery) query: ListCompaniesQuery,
  ): Promise<Page<Company>> {
    return this.rpc.call(RPC.contacts.listCompanies, ctx, query);
  }

  @Post('merge')
  @HttpCode(200)
  @RequiresCapability('contacts.merge')
  @Operation({
    summary:
      'Merge a duplicate company into a survivor (dryRun shows the result): domains and tags ' +
      'united, the duplicate archived with mergedInto, its contacts relinked',
    response: MergeCompaniesResult,
  })
  merge(
    @Ctx() ctx: RequestContext,
    @ValidBody(MergeCompaniesInput) body: MergeCompaniesInput,
  ): Promise<MergeCompaniesResult> {
    return this.rpc.call(RPC.contacts.mergeCompanies, ctx, body);
  }

  @Get(':id')
  @RequiresCapability('contacts.read')
  @Operation({ summary: 'Get a company', response: Company })
  get(@Ctx() ctx: RequestContext, @ValidParams(CompanyIdParams) params: Id): Promise<Company> {
    return this.rpc.call(RPC.contacts.getCompany, ctx, params);
  }

  @Patch(':id')
  @ChecksMemberIds()
  @RequiresCapability('contacts.update')
  @Operation({
    summary: 'Update a company (absent = unchanged, null = clear; version → 409 when stale)',
    response: Company,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(CompanyIdParams) params: Id,
    @ValidBody(UpdateCompanyInput) body: UpdateCompanyInput,
  ): Promise<Company> {
    return this.rpc.call(RPC.contacts.updateCompany, ctx, { id: params.id, patch: body });
  }

  @Delete(':id')
  @RequiresCapability('contacts.delete')
  @Operation({
    summary: 'Archive a company (history kept; its domains are freed)',
    response: Company,
  })
  archive(@Ctx() ctx: RequestContext, @ValidParams(CompanyIdParams) params: Id): Promise<Company> {
    return this.rpc.call(RPC.contacts.archiveCompany, ctx, params);
  }

  @Get(':id/contacts')
  @RequiresCapability('contacts.read')
  @Operation({ summary: "The company's active contacts, newest first", response: pageOf(Contact) })
  contacts(
    @Ctx() ctx: RequestContext,
    @ValidParams(CompanyIdParams) params: Id,
    @ValidQuery(PageQuery) query: PageQuery,
  ): Promise<Page<Contact>> {
    return this.rpc.call(RPC.contacts.companyContacts, ctx, { id: params.id, ...query });
  }
}
