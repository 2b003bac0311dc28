// Methods around the student's hand-in: what the file will contain (shown before writing it) and the
// shell's file helpers (show a file in its folder, choose where to save). The web host answers the
// shell helpers with "not supported"; the Electron shell answers them with native dialogs.
// No node imports here: the renderer imports these types through the contract.
import { z } from 'zod';
import { method } from '../defineMethod';
import { Locale } from './app';

const ExerciseId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'an exercise id: lowercase letters, digits and dashes');
const FilePath = z.string().trim().min(1).max(4096);

export const handinMethods = {
  /** What a hand-in of this exercise would hold for the active profile, and the last one written. */
  'handin.preview': method(
    z.object({ exerciseId: ExerciseId, lang: Locale }),
    z.object({
      exerciseTitle: z.string(),
      student: z.object({ name: z.string(), id: z.string() }).nullable(),
      files: z.array(z.object({ path: z.string(), lines: z.number().int() })),
      lastRun: z.object({ points: z.number(), maxPoints: z.number(), passed: z.number().int(), total: z.number().int(), at: z.string() }).nullable(),
      runs: z.number().int(),
      hints: z.number().int(),
      quizAttempts: z.array(z.object({ lessonId: z.string(), at: z.string(), score: z.number(), maxScore: z.number() })),
      /** The last file written for this exercise by this profile; sameCode when the code has not changed since. */
      last: z.object({ path: z.string(), at: z.string(), sameCode: z.boolean() }).nullable(),
    }),
  ),
  /** Shows a file in the system's file manager (Electron); the web host answers shown: false. */
  'shell.showItemInFolder': method(z.object({ path: FilePath }), z.object({ shown: z.boolean() })),
  /** The native "Save as" dialog (Electron); the web host answers supported: false. */
  'shell.chooseSaveFile': method(
    z.object({ defaultName: z.string().min(1).max(300), title: z.string().max(200).optional() }),
    z.object({ supported: z.boolean(), path: z.string().nullable() }),
  ),
  /** The native folder picker (Electron); the web host answers supported: false. */
  'shell.chooseFolder': method(
    z.object({ title: z.string().max(200).optional(), defaultPath: z.string().max(4096).optional() }),
    z.object({ supported: z.boolean(), path: z.string().nullable() }),
  ),
};

/** The methods a desktop shell answers itself (native dialogs); everything else goes to the engine. */
export const SHELL_METHODS = ['shell.showItemInFolder', 'shell.chooseSaveFile', 'shell.chooseFolder'] as const;
