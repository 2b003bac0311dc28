// The playground's public face: a session over its own event store file and its parts, the pure
// views over it, and the push coalescer.
export { PlaygroundSession, type PlaygroundOptions } from './session';
export { SCENARIO_IDS, type ScenarioId } from './scenarios';
export { happyCommands, sampleCreate, SAMPLE_TOTAL } from './samples';
export { SAGA_STEPS, type SagaMode, type SagaStep, type SagaRun, type SagaTimelineEntry } from './saga';
export type { CommandOutcome, AggregateDecider } from './orders';
export type { ActivityEntry, ActivityKind } from './activity';
export { TOPIC, READ_MODEL_GROUP, NOTIFIER_GROUP, RETRY_DELAYS_MS } from './pipeline';
export * as storeViews from './storeViews';
export * as pipelineViews from './pipelineViews';
export { createCoalescer, type Coalescer } from './coalesce';
export { createStudentDecider, SOURCE_EXERCISE, ORDER_FILE, type StudentDecider } from './myCode';
export { callStudentCode, type StudentCodeHost } from './studentCode';
export { probeStudentSaga, sagaTimeline, SAGA_EXERCISE, SAGA_FILE, type SagaProbeReport } from './studentSaga';
export { studentAccountDecider, BANK_EXERCISE, BANK_FILE } from './studentBank';
export { referenceAccountDecider, decideAccount, foldAccount, type AccountCommand, type AccountOutcome } from './bank';
