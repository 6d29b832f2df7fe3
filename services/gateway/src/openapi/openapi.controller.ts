import { Controller, Get, Header, type Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { Public } from '../access/access.decorators';
import { Operation } from '../http/route-contract';
import { routesOf } from '../http/route-table';
import { DOCS_CSP, DOCS_HTML } from './docs-page';
import { API_VERSION, openApiDocument, type OpenApiDocument } from './openapi-document';

@Controller()
@Public()
export class OpenApiController {
  private document?: OpenApiDocument;

  constructor(private readonly modules: ModulesContainer) {}

  /** Built once, from every controller the app loaded: the document never changes while it runs. */
  @Get('openapi.json')
  @Operation({ summary: 'This document (OpenAPI 3.1)' })
  openapi(): OpenApiDocument {
    this.document ??= openApiDocument(
      routesOf(
        [...this.modules.values()].flatMap((m) =>
          [...m.controllers.values()].map((w) => w.metatype as Type),
        ),
      ),
      API_VERSION,
    );
    return this.document;
  }

  @Get('docs')
  @Operation({ summary: 'This document as a browsable page (text/html)' })
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', DOCS_CSP)
  docs(): string {
    return DOCS_HTML;
  }
}
