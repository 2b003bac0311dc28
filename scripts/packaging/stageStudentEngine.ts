// `tsx scripts/packaging/stageStudentEngine.ts`: writes the student build's engine files to
// .cache/student-build/engine (electron-builder.yml ships that folder as resources/engine). Exit 1, naming
// the module and the suite, when a suite pulls a reference implementation in. Run by scripts/package.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STUDENT_ENGINE_DIR, writeStudentEngine } from './studentEngine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
try {
  const engine = await writeStudentEngine({
    exercisesDir: path.join(root, 'exercises'),
    engineDir: path.join(root, 'electron/engine'),
    outDir: path.join(root, STUDENT_ENGINE_DIR),
  });
  console.log(`student build: ${engine.files.length} engine modules that exercise suites import → ${STUDENT_ENGINE_DIR}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
