/** Something to do at an instant of simulated time. */
interface Task {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
}

/** A queue of tasks by time; tasks due at the same millisecond run in the order they were added. */
export interface TaskQueue {
  readonly add: (at: number, run: () => void) => void;
  /** Removes and returns the earliest task, or `undefined` when none is left. */
  readonly take: () => Task | undefined;
  readonly size: () => number;
}

const earlier = (a: Task, b: Task): boolean => a.at < b.at || (a.at === b.at && a.order < b.order);

/**
 * A binary min-heap of tasks. The insertion counter breaks ties, which keeps the simulation
 * deterministic whatever the heap's internal order.
 */
export const createTaskQueue = (): TaskQueue => {
  const heap: Task[] = [];
  let added = 0;

  const swap = (i: number, j: number): void => {
    const a = heap[i] as Task;
    heap[i] = heap[j] as Task;
    heap[j] = a;
  };

  const add = (at: number, run: () => void): void => {
    heap.push({ at, order: added, run });
    added += 1;
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(heap[i] as Task, heap[parent] as Task)) break;
      swap(i, parent);
      i = parent;
    }
  };

  const take = (): Task | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && earlier(heap[left] as Task, heap[smallest] as Task))
        smallest = left;
      if (right < heap.length && earlier(heap[right] as Task, heap[smallest] as Task))
        smallest = right;
      if (smallest === i) break;
      swap(i, smallest);
      i = smallest;
    }
    return top;
  };

  return { add, take, size: () => heap.length };
};
