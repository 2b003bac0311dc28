// Handlers for playground.*: one session per engine over <dataDir>/playground.sqlite (never the
// progress database), its change notices coalesced into `playground.changed {parts}` pushes so a
// burst of commands reaches the UI as a few messages. Each handler maps to one call on the session, its parts or its views.
import path from 'node:path';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { createExercisesProgress } from '../../progress/exercisesProgress';
import { createCoalescer, pipelineViews, PlaygroundSession, storeViews, type AccountCommand } from '../../playground';
import { KafkaPortError } from '../../kafka-port';
import { KafkaDoor } from '../../playground/kafkaDoor';
import { StudentDrafts } from '../../playground/studentDrafts';
import { engineRunner, studentOwner } from '../engineRunner';
import { loadStudentExercise } from '../../content/loadExercise';
import { ApiError } from '../errors';
import { KAFKA_PORT_SETTING, KafkaPortSetting } from '../methods/playground';
import type { OrderCommand } from '../../domain/orders';

export function createPlaygroundHandlers(ctx: EngineContext): HandlerGroup<'playground.'> {
  let session: PlaygroundSession | undefined;
  const coalescer = createCoalescer((push) => ctx.push('playground.changed', push));

  function pg(): PlaygroundSession {
    session ??= new PlaygroundSession({ dataDir: ctx.dataDir, autoPump: true, onChange: (parts) => coalescer.add(parts) });
    return session;
  }
  const kafka = new KafkaDoor(pg);
  const openKafka = (port: number) =>
    kafka.open(port).catch((e: unknown) => {
      if (e instanceof KafkaPortError) throw new ApiError(`KAFKA_${e.code}`, e.message, undefined, { port: e.port });
      throw e;
    });
  // The desktop setting: open the port when the app starts (failures stay in the status for the UI).
  const kafkaSetting = KafkaPortSetting.safeParse((ctx.machine ?? ctx.progress).getSetting(KAFKA_PORT_SETTING));
  if (kafkaSetting.success && kafkaSetting.data.openOnStart) void openKafka(kafkaSetting.data.port).catch(() => undefined);
  const exercisesDir = path.join(ctx.resourcesDir, 'exercises');
  const student = new StudentDrafts({
    exercisesDir,
    // The student's code runs in the engine's one runner (its sandbox pool), next to the source exercise's read-only files.
    host: (exerciseId) => ({ runner: engineRunner(ctx), readonly: loadStudentExercise(exercisesDir, exerciseId).readonly, owner: studentOwner(ctx) }),
    draftFile: (exerciseId, file) => createExercisesProgress(ctx.progress.db).getDraft(exerciseId)?.files[file] || undefined,
  });
  ctx.onClose(async () => {
    await kafka.close();
    coalescer.close();
    session?.close();
    await student.close();
  });
  const store = () => pg().store;
  const pipeline = () => pg().pipeline;

  return {
    'playground.overview': () => pg().overview(),
    // The API's command shape is loose on purpose: the domain answers with its own error codes.
    'playground.command': ({ command }) => pg().orders.execute(command as OrderCommand),
    'playground.globalLog': ({ offset, limit }) => storeViews.globalLog(store(), { offset, limit }),
    'playground.stream': ({ orderId }) => {
      const stream = storeViews.orderStream(store(), orderId);
      const neverSent = stream.events.filter((e) => pg().dualWrite.neverSent.has(e.eventId)).map((e) => e.version);
      return { ...stream, writeState: storeViews.writeState(store(), orderId) ?? null, neverSent };
    },
    'playground.stateAt': ({ orderId, version }) => storeViews.stateAt(store(), orderId, version),
    'playground.takeSnapshot': ({ orderId }) => pg().orders.takeSnapshot(orderId),
    'playground.loadWithSnapshot': ({ orderId }) => storeViews.loadWithSnapshot(store(), orderId),
    'playground.broker': ({ cellsPerPartition }) => pipelineViews.brokerView(pipeline(), { cellsPerPartition }),
    'playground.explainKey': ({ key }) => pipelineViews.explainKey(pipeline(), key),
    'playground.readModel': ({ page, pageSize, query }) => pipelineViews.readModelPage(pipeline(), { page, pageSize, query }, pg().delayMs),
    'playground.orders': ({ query, offset, limit }) => storeViews.orderList(store(), { query, offset, limit }),
    'playground.readModelDetails': ({ orderId }) => pipelineViews.readModelDetails(pipeline(), orderId) ?? null,
    'playground.setDelay': ({ ms }) => (pg().setDelay(ms), { ok: true }),
    'playground.setInbox': ({ enabled }) => (pg().controls.setInbox(enabled), { ok: true }),
    'playground.rebuild': () => ({ events: pg().controls.rebuildReadModel() }),
    'playground.armCrash': ({ armed }) => (pg().controls.armCrash(armed), { ok: true }),
    'playground.injectPoison': ({ key }) => pg().controls.injectPoison(key),
    'playground.concurrentEdit': ({ orderId }) => pg().orders.concurrentEdit(orderId),
    'playground.addConsumer': () => ({ memberId: pg().controls.addConsumer() }),
    'playground.removeConsumer': ({ memberId }) => ({ ok: pg().controls.removeConsumer(memberId ?? undefined) }),
    'playground.scenarioStart': ({ id, lang }) => pg().scenarios.start(id, lang),
    'playground.scenarioStep': async () => {
      await pg().scenarios.step();
      return pg().scenarios.state() ?? null;
    },
    'playground.scenarioRunAll': async ({ id, lang }) => {
      await pg().scenarios.run(id, lang);
      return pg().scenarios.state() ?? null;
    },
    'playground.sagaRun': ({ mode, failAt, lang }) => pg().sagas.runBuiltin(mode, failAt, lang),
    'playground.sagaList': () => pg().sagas.list(),
    'playground.sagaRunMine': async ({ failAt, failCompensation, lang }) => {
      const { source, probe } = student.saga();
      if (!probe) return { sagaId: 'mine-none', orderId: '', mode: 'orchestrated', failAt, status: 'error', timeline: [], source, failCompensation, message: 'NO_DRAFT' };
      return pg().sagas.runStudent({ failAt, failCompensation, source, lang, probe });
    },
    'playground.bankCommand': async ({ command, code }) => {
      const { decider, source, noDraft } = student.bankDecider(code === 'mine');
      // The API's command shape is loose on purpose: the account answers with its own codes.
      const outcome = await pg().bank.command(command as AccountCommand, decider, source);
      return { outcome, source, noDraft };
    },
    'playground.bankOverview': () => ({ ...pg().bank.overview(), hasDraft: student.hasBankDraft() }),
    'playground.bankAccount': ({ accountId }) => pg().bank.account(accountId),
    'playground.bankStateAt': ({ accountId, version }) => pg().bank.stateAt(accountId, version),
    'playground.setMyCode': async ({ enabled }) => {
      const decider = await student.orderDecider(enabled);
      pg().useDecider(decider);
      if (enabled && !decider) return { enabled: false, message: 'NO_DRAFT' };
      return { enabled: decider !== undefined };
    },
    'playground.reset': () => {
      if (!session) return { ok: true };
      session.reset();
      kafka.followReset();
      return { ok: true };
    },
    'playground.kafkaPort': () => kafka.status(),
    'playground.kafkaPortOpen': ({ port }) => openKafka(port),
    'playground.kafkaPortClose': () => kafka.close(),
  };
}
