import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const ContactsConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
});
export type ContactsConfig = z.infer<typeof ContactsConfig>;
