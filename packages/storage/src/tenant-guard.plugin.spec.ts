import mongoose, { Schema } from 'mongoose';
import { CROSS_TENANT, tenantGuard } from './tenant-guard.plugin';

/**
 * The guard throws before any I/O, so these checks need no server: the connection is never
 * opened and a scoped query would buffer (never resolve) rather than run.
 */
const conn = mongoose.createConnection();
const schema = new Schema({ workspaceId: String, title: String });
schema.plugin(tenantGuard);
const Note = conn.model('GuardNote', schema);

describe('tenantGuard (no server)', () => {
  it('makes workspaceId a required path', () => {
    const err = new Note({ title: 'x' }).validateSync();
    expect(err?.errors.workspaceId).toBeDefined();
  });

  it.each([
    ['find', () => Note.find({ title: 'x' }).exec()],
    ['findOne', () => Note.findOne().exec()],
    ['countDocuments', () => Note.countDocuments({}).exec()],
    ['updateOne', () => Note.updateOne({ _id: 'a' }, { title: 'y' }).exec()],
    ['deleteMany', () => Note.deleteMany({}).exec()],
    ['findOneAndUpdate', () => Note.findOneAndUpdate({ title: 'x' }, { title: 'y' }).exec()],
    ['workspaceId as an operator', () => Note.find({ workspaceId: { $exists: true } }).exec()],
    ['aggregate', () => Note.aggregate([{ $match: { title: 'x' } }]).exec()],
  ])('refuses an unscoped %s', async (_name, run) => {
    await expect(run()).rejects.toThrow(/unscoped/);
  });

  it('lets a query through when it names the workspace or says it crosses tenants', () => {
    const scoped = Note.find({ workspaceId: 'w1', title: 'x' });
    expect(scoped.getFilter()).toEqual({ workspaceId: 'w1', title: 'x' });
    const cross = Note.find({}).setOptions({ [CROSS_TENANT]: true });
    expect((cross.getOptions() as Record<string, unknown>)[CROSS_TENANT]).toBe(true);
  });
});
