import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';

/** `/openapi.json` and `/docs`, describing every controller of the running app. */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
