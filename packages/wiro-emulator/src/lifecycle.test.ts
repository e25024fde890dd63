import { describe, expect, it } from 'vitest';
import { planLifecycle, plannedRunMs } from './lifecycle.js';

describe('planLifecycle', () => {
  it('plans the documented order with one progress frame per 10%', () => {
    const plan = planLifecycle({ queueMs: 100, taskMs: 1000, steps: 20 });
    expect(plan.map((s) => s.status)).toEqual([
      'task_accept',
      'task_preprocess_start',
      'task_preprocess_end',
      'task_assign',
      'task_start',
      ...Array(10).fill('task_output'),
      'task_output_full',
      'task_end',
      'task_postprocess_start',
      'task_postprocess_end',
    ]);
    expect(plan[0]?.afterMs).toBe(100);
    expect(plan.reduce((sum, s) => sum + s.afterMs, 0)).toBeCloseTo(1100);
    expect(plannedRunMs(plan)).toBeCloseTo(850);
  });

  it('reports at most one progress frame per step', () => {
    const plan = planLifecycle({ queueMs: 0, taskMs: 100, steps: 4 });
    const progress = plan.flatMap((s) => (s.progress ? [s.progress] : []));
    expect(progress.map((p) => [p.percentage, p.stepCurrent])).toEqual([
      ['25', '1'],
      ['50', '2'],
      ['75', '3'],
      ['100', '4'],
    ]);
  });

  it('reports speed, elapsed and remaining time as Wiro words them', () => {
    const plan = planLifecycle({ queueMs: 0, taskMs: 10_000, steps: 20 });
    const progress = plan.flatMap((s) => (s.progress ? [s.progress] : []));
    // 80% of 10 s generating, in 10 frames of 0.8 s; 2 steps per frame: 2.5 it/s.
    expect(progress[0]).toEqual({
      type: 'progressGenerate',
      task: 'Generate',
      percentage: '10',
      stepCurrent: '2',
      stepTotal: '20',
      speed: '2.5',
      speedType: 'it/s',
      elapsedTime: '0.8s',
      remainingTime: '7.2s',
    });
    expect(progress.at(-1)).toMatchObject({ elapsedTime: '8s', remainingTime: '0s' });
  });

  it('cuts the plan short for task faults', () => {
    const last = (fault: 'taskFail' | 'taskError' | 'taskCancel') =>
      planLifecycle({ queueMs: 0, taskMs: 100, steps: 10, fault }).map((s) => s.status);
    expect(last('taskError').at(-1)).toBe('task_error');
    expect(last('taskCancel').at(-1)).toBe('task_cancel');
    expect(last('taskFail').at(-1)).toBe('task_postprocess_end');
    expect(last('taskFail').filter((s) => s === 'task_output')).toHaveLength(5);
  });
});
