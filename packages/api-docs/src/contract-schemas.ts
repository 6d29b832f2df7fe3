import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import * as contracts from '@switchboard/contracts';
import { z } from 'zod';

extendZodWithOpenApi(z);

/**
 * Every zod schema exported by `@switchboard/contracts` becomes a component under its export
 * name, wherever it is used (nested too): names are stable because exports are. Done by adding
 * zod-to-openapi's metadata to the existing instances, so nested uses resolve to the same `$ref`.
 * Both documents (OpenAPI of the gateway, AsyncAPI of the events) name schemas this way.
 */
export function nameContractSchemas(): void {
  for (const [name, value] of Object.entries(contracts)) {
    if (!(value instanceof z.ZodType)) continue;
    const def = value._def as { openapi?: { _internal?: { refId?: string } } };
    def.openapi = { ...def.openapi, _internal: { ...def.openapi?._internal, refId: name } };
  }
}
