// `npm run grade -- <input> --out <dir> …`: the grading CLI (electron/cli/grade.ts), started from its
// bundle (scripts/cli/bundledCli.mjs) so grading begins without tsx's start-up cost.
import { runBundledCli } from './cli/bundledCli.mjs';

await runBundledCli('electron/cli/grade.ts', 'grade');
