// Inputs a careless solution lets through: blanks made of whitespace, values of the wrong type
// from untyped callers, money that only looks equal, and several failing checks at once.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '@engine/testing/givenWhenThen';
import { fixedClock } from '@workspace/clock';
import { OrderError } from '@workspace/errors';
import type { OrderCreated } from '@workspace/events';
import { OrderAggregate } from '@workspace/OrderAggregate';
import { commands, history, NOW, orderCreated, TOTAL, untyped } from '../support/fixtures';
import { given } from '../support/givenWhenThen';

describe('blank means whitespace too', () => {
  it('pay refuses a whitespace-only paymentId with VALIDATION', () => {
    given(...history.pending()).when(commands.pay({ paymentId: ' \t\n ' })).thenFails('VALIDATION');
  });

  it('pay refuses a paymentId that is not a string with VALIDATION', () => {
    given(...history.pending()).when(commands.pay({ paymentId: untyped(12345) })).thenFails('VALIDATION');
  });

  it('pay refuses a missing paymentId with VALIDATION', () => {
    given(...history.pending()).when(commands.pay({ paymentId: untyped(undefined) })).thenFails('VALIDATION');
  });

  it('ship refuses a whitespace-only tracking number with VALIDATION', () => {
    given(...history.paid()).when(commands.ship({ trackingNumber: '   ' })).thenFails('VALIDATION');
  });

  it('ship refuses a whitespace-only carrier with VALIDATION', () => {
    given(...history.paid()).when(commands.ship({ carrier: '\t' })).thenFails('VALIDATION');
  });

  it('ship refuses a carrier that is not a string with VALIDATION', () => {
    given(...history.paid()).when(commands.ship({ carrier: untyped(null) })).thenFails('VALIDATION');
  });

  it('cancel refuses a whitespace-only reason with VALIDATION', () => {
    given(...history.paid()).when(commands.cancel({ reason: '  \n  ' })).thenFails('VALIDATION');
  });

  it('cancel refuses a missing reason with VALIDATION', () => {
    given(...history.pending()).when(commands.cancel({ reason: untyped(undefined) })).thenFails('VALIDATION');
  });
});

describe('payment methods are an exact list', () => {
  for (const method of ['PAYPAL', 'Credit_Card', '', 'toString', '__proto__', 'constructor']) {
    it(`pay refuses "${method}" with INVALID_PAYMENT_METHOD`, () => {
      given(...history.pending()).when(commands.pay({ paymentMethod: untyped(method) })).thenFails('INVALID_PAYMENT_METHOD');
    });
  }

  it('pay refuses a missing payment method with INVALID_PAYMENT_METHOD', () => {
    given(...history.pending()).when(commands.pay({ paymentMethod: untyped(undefined) })).thenFails('INVALID_PAYMENT_METHOD');
  });
});

describe('the amount is exact cents', () => {
  const wrongAmounts: Array<[string, unknown]> = [
    ['the total as a string', String(TOTAL)],
    ['the total plus a fraction of a cent', TOTAL + 0.25],
    ['the total in units instead of cents', TOTAL / 100],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['null', null],
    ['an array holding the total', [TOTAL]],
  ];
  for (const [label, amount] of wrongAmounts) {
    it(`pay refuses ${label} with AMOUNT_MISMATCH`, () => {
      given(...history.pending()).when(commands.pay({ amount: untyped(amount) })).thenFails('AMOUNT_MISMATCH');
    });
  }

  it('pay refuses an amount beyond safe integers even when it compares equal', () => {
    // 2^53 + 1 is not representable: as a double it is 2^53, so `===` alone would accept it.
    const huge: OrderCreated = { ...orderCreated(), totalAmount: 2 ** 53 };
    given(huge).when(commands.pay({ amount: 2 ** 53 + 1 })).thenFails('AMOUNT_MISMATCH');
  });

  it('pay refuses the string "0" for an order that costs nothing', () => {
    const free: OrderCreated = { ...orderCreated(), items: [], totalAmount: 0 };
    given(free).when(commands.pay({ amount: untyped('0') })).thenFails('AMOUNT_MISMATCH');
  });
});

describe('the first failing check decides the code', () => {
  it('pay on a paid order with every field wrong fails with INVALID_STATE', () => {
    given(...history.paid())
      .when(commands.pay({ paymentId: ' ', paymentMethod: untyped('cash'), amount: 1 }))
      .thenFails('INVALID_STATE');
  });

  it('pay with a blank id, an unknown method and a wrong amount fails with VALIDATION', () => {
    given(...history.pending())
      .when(commands.pay({ paymentId: '', paymentMethod: untyped('cash'), amount: 1 }))
      .thenFails('VALIDATION');
  });

  it('pay with an unknown method and a wrong amount fails with INVALID_PAYMENT_METHOD', () => {
    given(...history.pending())
      .when(commands.pay({ paymentMethod: untyped('cash'), amount: 1 }))
      .thenFails('INVALID_PAYMENT_METHOD');
  });

  it('ship on a pending order with blank fields fails with INVALID_STATE', () => {
    given(...history.pending()).when(commands.ship({ trackingNumber: '', carrier: '' })).thenFails('INVALID_STATE');
  });

  it('cancel on a delivered order with a blank reason fails with INVALID_STATE', () => {
    given(...history.delivered()).when(commands.cancel({ reason: ' ' })).thenFails('INVALID_STATE');
  });

  it('cancel on a cancelled order with a blank reason fails with INVALID_STATE', () => {
    given(...history.cancelled()).when(commands.cancel({ reason: '' })).thenFails('INVALID_STATE');
  });
});

describe('refusals are OrderErrors', () => {
  const refusals: Array<[string, (order: OrderAggregate) => void]> = [
    ['pay', (order) => order.pay(commands.pay({ amount: 1 }))],
    ['ship', (order) => order.ship(commands.ship())],
    ['deliver', (order) => order.deliver(commands.deliver())],
    ['cancel', (order) => order.cancel(commands.cancel({ reason: ' ' }))],
  ];
  for (const [method, refuse] of refusals) {
    it(`${method} throws an OrderError with a message a student can read`, () => {
      const order = OrderAggregate.fromEvents(history.pending(), fixedClock(NOW));
      refusalOf(() => refuse(order), OrderError, `${method}() on a pending order`, { given: history.pending() });
    });
  }
});

/** Russian names of this file's describe and it blocks (shown in a Russian UI and in Russian reports). */
export const ruNames: Record<string, string> = {
  'blank means whitespace too': 'пустое значение — это и одни пробелы',
  'pay refuses a whitespace-only paymentId with VALIDATION': 'pay отказывает с VALIDATION, если paymentId состоит из пробелов',
  'pay refuses a paymentId that is not a string with VALIDATION': 'pay отказывает с VALIDATION, если paymentId не строка',
  'pay refuses a missing paymentId with VALIDATION': 'pay отказывает с VALIDATION, если paymentId нет',
  'ship refuses a whitespace-only tracking number with VALIDATION': 'ship отказывает с VALIDATION, если трек-номер состоит из пробелов',
  'ship refuses a whitespace-only carrier with VALIDATION': 'ship отказывает с VALIDATION, если перевозчик состоит из пробелов',
  'ship refuses a carrier that is not a string with VALIDATION': 'ship отказывает с VALIDATION, если перевозчик не строка',
  'cancel refuses a whitespace-only reason with VALIDATION': 'cancel отказывает с VALIDATION, если причина состоит из пробелов',
  'cancel refuses a missing reason with VALIDATION': 'cancel отказывает с VALIDATION, если причины нет',
  'payment methods are an exact list': 'способы оплаты — это точный список',
  'pay refuses "PAYPAL" with INVALID_PAYMENT_METHOD': 'pay отказывает "PAYPAL" с INVALID_PAYMENT_METHOD',
  'pay refuses "Credit_Card" with INVALID_PAYMENT_METHOD': 'pay отказывает "Credit_Card" с INVALID_PAYMENT_METHOD',
  'pay refuses "" with INVALID_PAYMENT_METHOD': 'pay отказывает "" с INVALID_PAYMENT_METHOD',
  'pay refuses "toString" with INVALID_PAYMENT_METHOD': 'pay отказывает "toString" с INVALID_PAYMENT_METHOD',
  'pay refuses "__proto__" with INVALID_PAYMENT_METHOD': 'pay отказывает "__proto__" с INVALID_PAYMENT_METHOD',
  'pay refuses "constructor" with INVALID_PAYMENT_METHOD': 'pay отказывает "constructor" с INVALID_PAYMENT_METHOD',
  'pay refuses a missing payment method with INVALID_PAYMENT_METHOD': 'pay отказывает с INVALID_PAYMENT_METHOD, если способа оплаты нет',
  'the amount is exact cents': 'сумма — это точное число центов',
  'pay refuses the total as a string with AMOUNT_MISMATCH': 'pay отказывает с AMOUNT_MISMATCH, если сумма передана строкой',
  'pay refuses the total plus a fraction of a cent with AMOUNT_MISMATCH': 'pay отказывает с AMOUNT_MISMATCH сумме заказа плюс доля цента',
  'pay refuses the total in units instead of cents with AMOUNT_MISMATCH': 'pay отказывает с AMOUNT_MISMATCH сумме в целых единицах вместо центов',
  'pay refuses NaN with AMOUNT_MISMATCH': 'pay отказывает NaN с AMOUNT_MISMATCH',
  'pay refuses Infinity with AMOUNT_MISMATCH': 'pay отказывает Infinity с AMOUNT_MISMATCH',
  'pay refuses null with AMOUNT_MISMATCH': 'pay отказывает null с AMOUNT_MISMATCH',
  'pay refuses an array holding the total with AMOUNT_MISMATCH': 'pay отказывает с AMOUNT_MISMATCH массиву, в котором лежит сумма',
  'pay refuses an amount beyond safe integers even when it compares equal': 'pay отказывает сумме за пределами безопасных целых, даже если она сравнивается как равная',
  'pay refuses the string "0" for an order that costs nothing': 'pay отказывает строке "0" для заказа, который ничего не стоит',
  'the first failing check decides the code': 'код ошибки определяет первая непройденная проверка',
  'pay on a paid order with every field wrong fails with INVALID_STATE': 'pay для оплаченного заказа, где неверны все поля, отказывает с INVALID_STATE',
  'pay with a blank id, an unknown method and a wrong amount fails with VALIDATION': 'pay с пустым id, неизвестным способом и неверной суммой отказывает с VALIDATION',
  'pay with an unknown method and a wrong amount fails with INVALID_PAYMENT_METHOD': 'pay с неизвестным способом и неверной суммой отказывает с INVALID_PAYMENT_METHOD',
  'ship on a pending order with blank fields fails with INVALID_STATE': 'ship для неоплаченного заказа с пустыми полями отказывает с INVALID_STATE',
  'cancel on a delivered order with a blank reason fails with INVALID_STATE': 'cancel для доставленного заказа без причины отказывает с INVALID_STATE',
  'cancel on a cancelled order with a blank reason fails with INVALID_STATE': 'cancel для отменённого заказа без причины отказывает с INVALID_STATE',
  'refusals are OrderErrors': 'отказы — это OrderError',
  'pay throws an OrderError with a message a student can read': 'pay бросает OrderError с понятным сообщением',
  'ship throws an OrderError with a message a student can read': 'ship бросает OrderError с понятным сообщением',
  'deliver throws an OrderError with a message a student can read': 'deliver бросает OrderError с понятным сообщением',
  'cancel throws an OrderError with a message a student can read': 'cancel бросает OrderError с понятным сообщением',
};
