// Handlers for playground.*: one session per engine over <dataDir>/playground.sqlite (never the
// progress database), its change notices coalesced into pushes so a burst of commands reaches the
// UI as a few messages. The "my code" switch reads the student's draft from the progress database.
import fs from 'node:fs';
import path from 'node:path';
import type { EngineContext } from '../context';
import type { HandlerGroup } from '../handler';
import { createExercisesProgress } from '../../progress/exercisesProgress';
import {
  BANK_EXERCISE,
  BANK_FILE,
  createCoalescer,
  createStudentDecider,
  PlaygroundSession,
  probeStudentSaga,
  referenceAccountDecider,
  SAGA_EXERCISE,
  SAGA_FILE,
  SOURCE_EXERCISE,
  studentAccountDecider,
  type AccountCommand,
  type StudentCodeHost,
  type StudentDecider,
} from '../../playground';
import { engineRunner, studentOwner } from '../engineRunner';
import { loadStudentExercise } from '../../content/loadExercise';
import { KafkaPortError } from '../../kafka-port';
import { KafkaDoor } from '../../playground/kafkaDoor';
import { ApiError } from '../errors';
import { KAFKA_PORT_SETTING, KafkaPortSetting } from '../methods/playground';
import type { OrderCommand } from '../../domain/orders';

export function createPlaygroundHandlers(ctx: EngineContext): HandlerGroup<'playground.'> {
  let session: PlaygroundSession | undefined;
  let decider: StudentDecider | undefined;
  const coalescer = createCoalescer((batch) => {
    for (const [topic, payload] of Object.entries(batch)) {
      if (payload) ctx.push(topic as keyof typeof batch, payload as never);
    }
  });

  function pg(): PlaygroundSession {
    session ??= new PlaygroundSession({ dataDir: ctx.dataDir, autoPump: true, onChange: (n) => coalescer.add(n) });
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
  ctx.onClose(async () => {
    await kafka.close();
    coalescer.close();
    session?.close();
    await decider?.close();
  });

  const exerciseDir = (id: string) => path.join(ctx.resourcesDir, 'exercises', id);
  /** The student's code runs in the engine's one runner (its sandbox pool), next to the source exercise's read-only files. */
  const studentCode = (exerciseId: string): StudentCodeHost => ({
    runner: engineRunner(ctx),
    readonly: loadStudentExercise(path.join(ctx.resourcesDir, 'exercises'), exerciseId).readonly,
    owner: studentOwner(ctx),
  });
  const draftFile = (exerciseId: string, file: string) => createExercisesProgress(ctx.progress.db).getDraft(exerciseId)?.files[file] || undefined;
  /** The exercise's reference solution, where this build has it (installers leave solutions out). */
  function solutionFile(exerciseId: string, file: string): string | undefined {
    const p = path.join(exerciseDir(exerciseId), 'solution', file);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
  }

  function overview() {
    const s = pg();
    return { ...s.overview(), orderIds: s.orderIds(100) };
  }

  return {
    'playground.overview': () => overview(),
    // The API's command shape is loose on purpose: the domain answers with its own error codes.
    'playground.command': ({ command }) => pg().execute(command as OrderCommand),
    'playground.globalLog': ({ offset, limit }) => pg().globalLog({ offset, limit }),
    'playground.stream': ({ orderId }) => ({ ...pg().stream(orderId), writeState: pg().writeState(orderId) ?? null }),
    'playground.stateAt': ({ orderId, version }) => pg().stateAt(orderId, version),
    'playground.takeSnapshot': ({ orderId }) => pg().takeSnapshot(orderId),
    'playground.loadWithSnapshot': ({ orderId }) => pg().loadWithSnapshot(orderId),
    'playground.broker': ({ cellsPerPartition }) => pg().brokerView({ cellsPerPartition }),
    'playground.explainKey': ({ key }) => pg().explainKey(key),
    'playground.readModel': ({ page, pageSize, query }) => pg().readModel({ page, pageSize, query }),
    'playground.orders': ({ query, offset, limit }) => pg().orderList({ query, offset, limit }),
    'playground.readModelDetails': ({ orderId }) => pg().readModelDetails(orderId) ?? null,
    'playground.setDelay': ({ ms }) => (pg().setDelay(ms), { ok: true }),
    'playground.setInbox': ({ enabled }) => (pg().setInbox(enabled), { ok: true }),
    'playground.rebuild': () => ({ events: pg().rebuildReadModel() }),
    'playground.armCrash': ({ armed }) => (pg().armCrash(armed), { ok: true }),
    'playground.injectPoison': ({ key }) => pg().injectPoison(key),
    'playground.concurrentEdit': ({ orderId }) => pg().concurrentEdit(orderId),
    'playground.addConsumer': () => ({ memberId: pg().addConsumer() }),
    'playground.removeConsumer': ({ memberId }) => ({ ok: pg().removeConsumer(memberId ?? undefined) }),
    'playground.scenarioStart': ({ id }) => pg().startScenario(id) as never,
    'playground.scenarioStep': async () => {
      await pg().scenarioStep();
      return pg().scenarioState() ?? null;
    },
    'playground.scenarioRunAll': async ({ id }) => {
      await pg().runScenario(id);
      return pg().scenarioState() ?? null;
    },
    'playground.sagaRun': ({ mode, failAt }) => pg().runSaga(mode, failAt),
    'playground.sagaList': () => pg().sagaRuns(),
    'playground.sagaRunMine': async ({ failAt, failCompensation }) => {
      const draft = draftFile(SAGA_EXERCISE, SAGA_FILE);
      const source = draft ?? solutionFile(SAGA_EXERCISE, SAGA_FILE);
      const label = draft ? 'draft' : 'solution';
      if (!source) {
        return { sagaId: 'mine-none', orderId: '', mode: 'orchestrated', failAt, status: 'error', timeline: [], source: label, failCompensation, message: 'NO_DRAFT' };
      }
      return pg().runStudentSaga({ failAt, failCompensation, source: label, probe: (input) => probeStudentSaga(studentCode(SAGA_EXERCISE), source, input) });
    },
    'playground.bankCommand': async ({ command, code }) => {
      const draft = code === 'mine' ? draftFile(BANK_EXERCISE, BANK_FILE) : undefined;
      const decider = draft ? studentAccountDecider(studentCode(BANK_EXERCISE), draft) : referenceAccountDecider;
      const source = draft ? 'draft' : 'reference';
      // The API's command shape is loose on purpose: the account answers with its own codes.
      const outcome = await pg().bankCommand(command as AccountCommand, decider, source);
      return { outcome, source, noDraft: code === 'mine' && !draft };
    },
    'playground.bankOverview': () => ({ ...pg().bankOverview(), hasDraft: draftFile(BANK_EXERCISE, BANK_FILE) !== undefined }),
    'playground.bankAccount': ({ accountId }) => pg().bankAccount(accountId),
    'playground.bankStateAt': ({ accountId, version }) => pg().bankStateAt(accountId, version),
    'playground.setMyCode': async ({ enabled }) => {
      const s = pg();
      if (!enabled) {
        s.useDecider(undefined);
        await decider?.close();
        decider = undefined;
        return { enabled: false };
      }
      const source = draftFile(SOURCE_EXERCISE, 'OrderAggregate.ts');
      if (!source) return { enabled: false, message: 'NO_DRAFT' };
      await decider?.close();
      decider = createStudentDecider({ host: studentCode(SOURCE_EXERCISE), source });
      s.useDecider(decider);
      return { enabled: true };
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

