// Methods of student profiles: who is working on this machine. Each profile has its own drafts, runs,
// quiz attempts, reading progress and hand-ins; removing one deletes its data folder.
// No node imports here: the renderer imports these types through the contract.
import { z } from 'zod';
import { method, Empty } from '../defineMethod';

export const ProfileIdSchema = z.string().regex(/^p-[0-9a-f]{4,32}$/, 'a profile id such as "p-1a2b3c4d5e"');
export const ProfileName = z.string().trim().min(1).max(200);
export const StudentIdField = z.string().trim().max(100);

export const ProfileView = z.object({
  id: ProfileIdSchema,
  /** null for the profile made from an earlier single-user install when no name was known. */
  name: z.string().nullable(),
  studentId: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ProfileView = z.infer<typeof ProfileView>;

const ProfileInput = z.object({ name: ProfileName, studentId: StudentIdField.optional() });

export const profilesMethods = {
  /** All profiles (last used first), the active one, and whether someone has picked one since the start. */
  'profiles.list': method(
    Empty,
    z.object({
      profiles: z.array(ProfileView),
      activeId: ProfileIdSchema.nullable(),
      confirmed: z.boolean(),
      /** The profile that an earlier single-user install's data became at this start (null otherwise). */
      migratedId: ProfileIdSchema.nullable(),
    }),
  ),
  /** Creates a profile and makes it the active one. */
  'profiles.create': method(ProfileInput, z.object({ profile: ProfileView })),
  /** Makes a profile the active one. */
  'profiles.select': method(z.object({ id: ProfileIdSchema }), z.object({ profile: ProfileView })),
  /** Renames a profile or sets its student id. */
  'profiles.update': method(ProfileInput.extend({ id: ProfileIdSchema }), z.object({ profile: ProfileView })),
  /** What a profile's data holds, shown before it is removed. */
  'profiles.summary': method(
    z.object({ id: ProfileIdSchema }),
    z.object({ drafts: z.number().int(), runs: z.number().int(), quizAttempts: z.number().int(), readLessons: z.number().int(), handIns: z.number().int() }),
  ),
  /** Deletes a profile and everything it holds on this machine. */
  'profiles.remove': method(z.object({ id: ProfileIdSchema }), z.object({ files: z.number().int() })),
};
