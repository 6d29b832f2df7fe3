import { Module } from '@nestjs/common';
import { ImportUploads } from './import-uploads.service';
import { ImportsController } from './imports.controller';

@Module({ controllers: [ImportsController], providers: [ImportUploads] })
export class ImportsModule {}
