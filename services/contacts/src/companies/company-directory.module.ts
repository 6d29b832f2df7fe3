import { Module } from '@nestjs/common';
import { CompaniesRepository } from './companies.repository';
import { CompanyDirectory } from './company-directory';

/** Company storage and the lookups contact writes need (no dependency on contacts). */
@Module({
  providers: [CompaniesRepository, CompanyDirectory],
  exports: [CompaniesRepository, CompanyDirectory],
})
export class CompanyDirectoryModule {}
