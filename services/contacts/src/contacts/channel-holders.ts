import type { ChannelType } from '@switchboard/contracts';
import { foldText } from './contact-search';

/** Phone numbers are one family: an SMS or WhatsApp number is also a `phone` channel. */
export const PHONE_FAMILY: ChannelType[] = ['phone', 'sms', 'whatsapp'];
export const familyOf = (type: ChannelType): ChannelType[] =>
  PHONE_FAMILY.includes(type) ? PHONE_FAMILY : [type];

/**
 * The search key a stored channel value is also found under (contact-search.ts): FerretDB
 * answers an equality on the top-level `searchKeys` array from its index, where a query on
 * `channels.value` would scan the workspace.
 */
export const searchKeyOf = (type: ChannelType, value: string): string =>
  PHONE_FAMILY.includes(type) ? value.replace(/\D/g, '') : foldText(value);
