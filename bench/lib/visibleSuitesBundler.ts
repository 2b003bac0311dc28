// The runner benches' bundler: an exercise's visible suites built the way the runner builds them for a
// student's Run tests, for the profiles that drive a sandbox process by hand (runnerWarmProfile.ts,
// runnerColdProfile.ts).
import type { RunnerExercise } from '../../electron/engine/runner';
import { RunBundler } from '../../electron/engine/runner/runBundle';

export function visibleSuitesBundler(exercise: RunnerExercise, engineDir: string): { bundler: RunBundler; visible: RunnerExercise['manifest']['suites'] } {
  const { manifest } = exercise;
  const visible = manifest.suites.filter((s) => s.visibility === 'visible');
  const bundler = new RunBundler({
    engineDir,
    tests: exercise.tests,
    suites: visible.map((s) => s.file),
    readonlyFiles: [...exercise.readonly.keys()],
    editable: manifest.editable,
    allowedImports: manifest.allowedImports ?? [],
  });
  return { bundler, visible };
}
