import { assertMaySystemTag } from './capability';

const member = { capabilities: ['contacts.tag'] };
const bot = { capabilities: ['contacts.tag', 'tags.system'] };
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return err as { code: string; details: unknown };
  }
  return undefined;
};

describe('assertMaySystemTag', () => {
  it('refuses adding or removing a bot: tag (any case) without tags.system', () => {
    expect(refusal(() => assertMaySystemTag(member, [], ['vip', 'bot:paused']))).toMatchObject({
      code: 'forbidden',
      details: { capability: 'tags.system', tags: ['bot:paused'] },
    });
    expect(refusal(() => assertMaySystemTag(member, ['BOT:human'], []))).toMatchObject({
      details: { tags: ['BOT:human'] },
    });
  });

  it('lets anyone keep system tags already there, and tags.system change them', () => {
    expect(
      refusal(() => assertMaySystemTag(member, ['bot:x', 'a'], ['b', 'bot:x'])),
    ).toBeUndefined();
    expect(refusal(() => assertMaySystemTag(member, ['robot:x'], []))).toBeUndefined();
    expect(refusal(() => assertMaySystemTag(bot, ['bot:x'], ['bot:y']))).toBeUndefined();
  });
});
