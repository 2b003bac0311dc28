// Opening an account comes already written. These tests are examples to read: they pass
// before you change anything and earn no points.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID, NOW, OWNER } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('opening an account (given code)', () => {
  it('OpenAccount records AccountOpened and starts at a zero balance', () => {
    const account = given()
      .when({ type: 'OpenAccount', accountId: ACCOUNT_ID, ownerName: OWNER })
      .then({ type: 'AccountOpened', accountId: ACCOUNT_ID, version: 1, timestamp: NOW, ownerName: OWNER });
    expect(account.balance).toBe(0);
    expect(account.status).toBe('open');
    expect(account.openedAt).toBe(NOW);
  });

  it('OpenAccount refuses a blank owner name with VALIDATION', () => {
    given().when({ type: 'OpenAccount', accountId: ACCOUNT_ID, ownerName: '   ' }).thenFails('VALIDATION');
  });

  it('OpenAccount refuses a blank account id with VALIDATION', () => {
    given().when({ type: 'OpenAccount', accountId: '', ownerName: OWNER }).thenFails('VALIDATION');
  });
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'opening an account (given code)': 'открытие счёта (готовый код)',
  'OpenAccount records AccountOpened and starts at a zero balance': 'OpenAccount записывает AccountOpened, и баланс начинается с нуля',
  'OpenAccount refuses a blank owner name with VALIDATION': 'OpenAccount отклоняет пустое имя владельца с кодом VALIDATION',
  'OpenAccount refuses a blank account id with VALIDATION': 'OpenAccount отклоняет пустой идентификатор счёта с кодом VALIDATION',
};
