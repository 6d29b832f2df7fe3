import { AppError } from '@switchboard/errors';
import type { PipelineDoc } from '../pipelines/pipeline.schema';
import type { DealDoc } from './deal.schema';
import { applyMove, stageForEntry } from './stage-move';

const at = new Date('2026-11-23T12:00:00Z');
const actor = { type: 'user' as const, id: 'u1' };
const pipeline: PipelineDoc = {
  _id: 'p1',
  workspaceId: 'w',
  name: 'P',
  stages: [
    { id: 'open', name: 'Open', category: 'open', probability: 10 },
    { id: 'won', name: 'Won', category: 'won', probability: 100 },
    { id: 'lost', name: 'Lost', category: 'lost', probability: 0 },
  ],
  requireLostReason: true,
  retiringStageIds: ['lost'],
  version: 1,
  createdAt: at,
  updatedAt: at,
};
const deal = {
  _id: 'd1',
  stageId: 'open',
  status: 'open',
  probability: 10,
  outcome: null,
  version: 3,
  stageHistory: [
    {
      stageId: 'open',
      stageName: 'Open',
      category: 'open',
      enteredAt: at,
      enteredBy: actor,
      leftAt: null,
      leftBy: null,
    },
  ],
} as unknown as DealDoc;
const stage = (id: string) => pipeline.stages.find((s) => s.id === id)!;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).code;
  }
  return undefined;
};

describe('stage moves', () => {
  it('closes the current visit, opens the next and records a won outcome', () => {
    const next = applyMove(deal, { pipeline, target: stage('won'), actor, at });
    expect(next).toMatchObject({ stageId: 'won', status: 'won', probability: 100, version: 4 });
    expect(next.outcome).toEqual({ status: 'won', at, by: actor, lostReason: null });
    expect(next.stageHistory.map((v) => [v.stageId, v.leftAt])).toEqual([
      ['open', at],
      ['won', null],
    ]);
  });

  it('needs a lost reason where the pipeline says so, and reopens on a move back', () => {
    expect(codeOf(() => applyMove(deal, { pipeline, target: stage('lost'), actor, at }))).toBe(
      'validation_failed',
    );
    const lost = applyMove(deal, {
      pipeline,
      target: stage('lost'),
      lostReason: ' budget ',
      actor,
      at,
    });
    expect(lost.outcome?.lostReason).toBe('budget');
    const reopened = applyMove(lost, { pipeline, target: stage('open'), actor, at });
    expect(reopened).toMatchObject({ status: 'open', outcome: null });
  });

  it('refuses unknown stages and stages being deleted', () => {
    expect(codeOf(() => stageForEntry(pipeline, 'nope'))).toBe('validation_failed');
    expect(codeOf(() => stageForEntry(pipeline, 'lost'))).toBe('conflict');
    expect(stageForEntry(pipeline, 'won').id).toBe('won');
  });
});
