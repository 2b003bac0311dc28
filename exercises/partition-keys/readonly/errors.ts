// The errors of this exercise, with codes the tests check.
// Ошибки упражнения; тесты проверяют их коды.

/** An event carries no id to key it by (missing or blank). Nothing of the batch is sent. */
export class MissingKey extends Error {
  readonly code = 'MISSING_KEY';
  constructor(readonly eventType: string) {
    super(`${eventType} carries no id to use as its key`);
    this.name = 'MissingKey';
  }
}

/**
 * An order's event arrived while an earlier one of the same order is still missing: applying it would
 * build a wrong state, so the consumer stops and says which version it waited for.
 */
export class OutOfOrder extends Error {
  readonly code = 'OUT_OF_ORDER';
  constructor(
    readonly orderId: string,
    readonly expected: number,
    readonly got: number,
  ) {
    super(`order ${orderId}: expected version ${expected}, got ${got}`);
    this.name = 'OutOfOrder';
  }
}
