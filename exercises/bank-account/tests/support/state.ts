// A plain copy of what a BankAccount knows, to compare states (before and after a refused
// command, live and replayed) without depending on the class itself.
export const STATE_FIELDS = ['id', 'version', 'status', 'ownerName', 'balance', 'openedAt', 'closedAt'] as const;

export type AccountState = Record<(typeof STATE_FIELDS)[number], unknown>;

export function stateOf(account: object): AccountState {
  const source = account as Record<string, unknown>;
  const copy = {} as AccountState;
  for (const field of STATE_FIELDS) {
    const value = source[field];
    copy[field] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  return copy;
}
