// Playground vocabulary that the engine, the API contract and the renderer share: the ready-made
// scenarios and the saga's steps. Node-free (the `common` layer).

export const SCENARIO_IDS = ['happy-path', 'cancel-after-payment', 'concurrent-edit', 'poison-message', 'commit-before-processing', 'slow-consumer', 'wrong-key', 'dual-write-crash', 'publish-then-crash', 'outbox-crash', 'load-1000'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** The order saga's steps, in the order they run; compensations run newest first. */
export const SAGA_STEPS = ['reserveStock', 'takePayment', 'createShipment'] as const;
export type SagaStep = (typeof SAGA_STEPS)[number];

/**
 * What a `playground.changed` push says changed, so the page refetches only the views that show it:
 * the event store, the broker, the read model, the session's settings/faults/scenario/activity,
 * the saga runs, the bank's refusals.
 */
export const PLAYGROUND_PARTS = ['store', 'broker', 'readModel', 'session', 'sagas', 'bank'] as const;
export type PlaygroundPart = (typeof PLAYGROUND_PARTS)[number];
