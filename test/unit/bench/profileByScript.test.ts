// The UI bench's reading of a V8 CPU profile: self time per script, the build's hashes taken off.
import { describe, expect, it } from 'vitest';
import { scriptName, timeByScript } from '../../../bench/lib/profileByScript';

describe('profile split by script', () => {
  it('names a chunk without its content hash and keeps V8 entries', () => {
    expect(scriptName('http://127.0.0.1:5/assets/mermaid.core-Bx2_a9Qz.js', 'f')).toBe('mermaid.core');
    expect(scriptName('http://127.0.0.1:5/assets/index-DkR3t0aA.js?x=1', 'g')).toBe('index');
    expect(scriptName('', '(garbage collector)')).toBe('(garbage collector)');
    expect(scriptName('', 'parseInt')).toBe('(native)');
  });

  it('gives each sample the time up to the next one, sums per script and leaves idle out', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { url: '', functionName: '(root)' } },
        { id: 2, callFrame: { url: 'http://h/assets/mermaid-AAAAAAAA.js', functionName: 'layout' } },
        { id: 3, callFrame: { url: 'http://h/assets/index-BBBBBBBB.js', functionName: 'render' } },
        { id: 4, callFrame: { url: '', functionName: '(idle)' } },
      ],
      samples: [2, 2, 3, 4, 2],
      timeDeltas: [0, 1000, 2000, 3000, 4000],
    };
    expect(timeByScript(profile)).toEqual([
      ['mermaid', 3],
      ['index', 3],
    ]);
  });
});
