import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { AppError } from '@switchboard/errors';
import { replyProblem } from '../http/problem-reply';
import { DOCS_ASSETS_PATH, docsAsset } from './docs-page';

/**
 * `GET /docs/assets/:name`: the scripts of the `/docs` page (public, cached a day). Plain
 * Fastify beside Nest's routes: static files, not part of the API or its document.
 */
export function mountDocsAssets(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  fastify.get<{ Params: { name: string } }>(`${DOCS_ASSETS_PATH}/:name`, async (request, reply) => {
    const asset = docsAsset(request.params.name);
    if (asset === undefined)
      return replyProblem(request, reply, new AppError('not_found', 'no such asset'));
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(asset);
  });
}
