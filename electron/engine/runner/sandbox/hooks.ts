// Names of the globals the harness puts in each sandbox context for the bundle's own code, shared by
// the bundler (which writes calls to them) and the harness (which defines them).

/** Read-only workspace modules call it with their own namespace: their exports are frozen. */
export const FREEZE_HOOK = '__rg_freeze';
