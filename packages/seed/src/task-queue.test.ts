import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { createTaskQueue } from './task-queue.ts';

describe('createTaskQueue', () => {
  it('hands tasks out by time, ties in the order they were added', () => {
    const queue = createTaskQueue();
    const order: string[] = [];
    for (const [at, name] of [
      [30, 'c'],
      [10, 'a1'],
      [20, 'b'],
      [10, 'a2'],
      [10, 'a3'],
    ] as const)
      queue.add(at, () => order.push(name));
    expect(queue.size()).toBe(5);
    for (let task = queue.take(); task !== undefined; task = queue.take()) task.run();
    expect(order).toEqual(['a1', 'a2', 'a3', 'b', 'c']);
    expect(queue.take()).toBeUndefined();
  });

  it('stays ordered under many random additions and removals', () => {
    const queue = createTaskQueue();
    const random = createRandom('heap');
    const taken: number[] = [];
    for (let round = 0; round < 2_000; round += 1) {
      queue.add(random.int(0, 500), () => undefined);
      if (round % 3 === 0) taken.push(queue.take()?.at ?? -1);
    }
    const before = taken.length;
    for (let task = queue.take(); task !== undefined; task = queue.take()) taken.push(task.at);
    const drained = taken.slice(before);
    expect(drained.every((at, i) => i === 0 || at >= (drained[i - 1] ?? 0))).toBe(true);
  });
});
