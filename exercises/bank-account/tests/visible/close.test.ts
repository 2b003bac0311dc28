import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, commands, deposited, history, NOW, accountOpened, withdrawn } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('close', () => {
  it('records AccountClosed for a new, empty account', () => {
    given(...history.empty())
      .when(commands.close())
      .then({ type: 'AccountClosed', accountId: ACCOUNT_ID, version: 2, timestamp: NOW });
  });

  it('closes an account that was used and emptied', () => {
    const account = given(accountOpened(), deposited(900, 2), withdrawn(900, 3))
      .when(commands.close())
      .then({ type: 'AccountClosed', accountId: ACCOUNT_ID, version: 4, timestamp: NOW });
    expect(account.status).toBe('closed');
    expect(account.closedAt).toBe(NOW);
  });

  it('refuses an account with money on it with BALANCE_NOT_ZERO', () => {
    given(...history.funded()).when(commands.close()).thenFails('BALANCE_NOT_ZERO');
  });

  it('refuses an account holding a single cent with BALANCE_NOT_ZERO', () => {
    given(accountOpened(), deposited(1, 2)).when(commands.close()).thenFails('BALANCE_NOT_ZERO');
  });

  it('refuses an account that is already closed with ACCOUNT_CLOSED', () => {
    given(...history.closed()).when(commands.close()).thenFails('ACCOUNT_CLOSED');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'close': 'закрытие (close)',
  'records AccountClosed for a new, empty account': 'записывает AccountClosed для нового пустого счёта',
  'closes an account that was used and emptied': 'закрывает счёт, которым пользовались, а затем опустошили',
  'refuses an account with money on it with BALANCE_NOT_ZERO': 'отклоняется, если на счёте есть деньги, с кодом BALANCE_NOT_ZERO',
  'refuses an account holding a single cent with BALANCE_NOT_ZERO': 'отклоняется, даже если на счёте всего один цент, с кодом BALANCE_NOT_ZERO',
  'refuses an account that is already closed with ACCOUNT_CLOSED': 'отклоняется для уже закрытого счёта с кодом ACCOUNT_CLOSED',
};
