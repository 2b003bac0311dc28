// Student profiles on a shared machine: the registry, the session (who is working) and the legacy migration.
export { openProfileSession, ProfileError, type ProfileSession, type ProfileInput } from './session';
export { type Profile } from './registry';
export { profileScoped } from './scoped';
export { type LegacyMigration } from './migrateLegacy';
