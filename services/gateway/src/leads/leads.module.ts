import { Module } from '@nestjs/common';
import { LeadSettingsController } from './lead-settings.controller';
import { LeadsController } from './leads.controller';

@Module({ controllers: [LeadsController, LeadSettingsController] })
export class LeadsModule {}
