import { describe, expect, it } from 'vitest';
import { parseProgress, parseTask } from './parse.js';

describe('parseProgress', () => {
  const progress = {
    type: 'progressGenerate',
    task: 'Generate',
    percentage: '60',
    stepCurrent: '6',
    stepTotal: '10',
    speed: '1.2',
    speedType: 'it/s',
    elapsedTime: '5s',
    remainingTime: '3s',
  };
  const parsed = {
    taskid: '7',
    percentage: 60,
    stepCurrent: 6,
    stepTotal: 10,
    speed: '1.2',
    speedType: 'it/s',
    elapsedTime: '5s',
    remainingTime: '3s',
  };

  it('reads the documented progress object, and the same object as JSON text', () => {
    expect(parseProgress('7', progress)).toEqual(parsed);
    expect(parseProgress('7', JSON.stringify(progress))).toEqual(parsed);
  });

  it('ignores anything else', () => {
    expect(parseProgress('7', 'Step 1/10...')).toBeUndefined();
    expect(parseProgress('7', null)).toBeUndefined();
    expect(parseProgress('7', { type: 'other', percentage: '1' })).toBeUndefined();
  });
});

describe('parseTask', () => {
  it('names the model when the reply carries its slugs', () => {
    const wire = {
      id: '1',
      uuid: 'u',
      socketaccesstoken: 't',
      parameters: { prompt: 'p' },
      debugoutput: '',
      debugerror: '',
      status: 'task_queue',
      pexit: '',
      cps: '0.000585000000',
      totalcost: '0',
      elapsedseconds: '0.0000',
      createtime: '1734513807',
      starttime: '0',
      endtime: '0',
      outputs: [],
    };
    expect(parseTask(wire).model).toBeUndefined();
    const listed = parseTask({ ...wire, modelslugowner: 'a', modelslugproject: 'b' });
    expect(listed).toMatchObject({ model: 'a/b', createdAt: 1734513807000, cps: 0.000585 });
  });
});
