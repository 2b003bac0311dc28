// The UI bench's reading of a Chromium trace: self time per group on the page's main thread.
import { describe, expect, it } from 'vitest';
import { splitTrace } from '../../../bench/lib/mainThreadTrace';

const meta = (pid: number, tid: number, name: string) => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const x = (pid: number, tid: number, name: string, ts: number, dur: number) => ({ name, ph: 'X', pid, tid, ts, dur });

describe('splitTrace', () => {
  it('counts self time (a compile inside a script run is compile, not run), picks the busiest renderer and its workers', () => {
    const trace = {
      traceEvents: [
        meta(1, 10, 'CrRendererMain'),
        meta(1, 11, 'DedicatedWorker thread'),
        meta(2, 20, 'CrRendererMain'),
        { ...x(1, 10, 'EvaluateScript', 1_000, 10_000), tdur: 8_000 },
        x(1, 10, 'v8.compile', 2_000, 4_000),
        x(1, 10, 'Layout', 20_000, 3_000),
        x(1, 10, 'Paint', 30_000, 1_000),
        x(1, 10, 'EvaluateScript', 90_000, 50_000), // outside the window
        x(1, 11, 'RunTask', 5_000, 7_000),
        x(2, 20, 'EvaluateScript', 1_000, 2_000), // another, quieter renderer
      ],
    };
    const s = splitTrace(JSON.stringify(trace), 0, 50_000);
    expect(s.windowMs).toBe(50);
    expect(s.main['JS run']).toBe(6);
    expect(s.main['JS parse/compile']).toBe(4);
    expect(s.main['style and layout']).toBe(3);
    expect(s.main.paint).toBe(1);
    expect(s.mainBusy).toBe(14);
    expect(s.mainIdle).toBe(36);
    expect(s.workers).toBe(7);
    // Thread time where the trace has it (the script ran 8 of its 10 ms), wall time where it does not.
    expect(s.mainCpu).toBe(8 + 3 + 1);
    expect(s.workersCpu).toBe(7);
    expect(s.longTasks).toEqual({ count: 0, ms: 0, cpuMs: 0 });
  });

  it('counts main-thread tasks of 50 ms or more as long tasks, by their whole duration and the CPU they got', () => {
    const trace = {
      traceEvents: [
        meta(1, 10, 'CrRendererMain'),
        { ...x(1, 10, 'RunTask', 0, 80_000), tdur: 60_000 },
        x(1, 10, 'FunctionCall', 1_000, 70_000), // inside the task: not a task of its own
        x(1, 10, 'RunTask', 100_000, 49_000), // short
        x(1, 10, 'RunTask', 200_000, 50_000),
      ],
    };
    const s = splitTrace(JSON.stringify(trace), 0, 300_000);
    expect(s.longTasks).toEqual({ count: 2, ms: 130, cpuMs: 110 });
  });
});
