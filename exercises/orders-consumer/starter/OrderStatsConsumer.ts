// A consumer of order events that must keep customer statistics right although the broker
// delivers at least once (after a crash or a rebalance, records come again).
// Потребитель событий заказов: статистика покупателей должна оставаться верной, хотя брокер
// доставляет «хотя бы один раз» (после сбоя или перебалансировки записи приходят снова).
//
// Your task: `eventIdOf`, `handle` and `pollOnce` (each marked TODO). `applyToStats` (./stats)
// already knows what an event means for the statistics; it is NOT idempotent, so a duplicate
// applied twice counts twice. The database (./statsDb) has the inbox and transactions.
// Ваша задача: `eventIdOf`, `handle` и `pollOnce` (помечены TODO). `applyToStats` (./stats) уже
// знает, что событие значит для статистики; она НЕ идемпотентна: дубликат, применённый дважды,
// посчитается дважды. В базе (./statsDb) есть входящий ящик (inbox) и транзакции.
import {
  EVENT_ID_HEADER,
  isCommitFailed,
  orderEventOf,
  type GroupConsumer,
  type OrderRecord,
} from './records';
import { applyToStats } from './stats';
import type { StatsDatabase } from './statsDb';

export class OrderStatsConsumer {
  constructor(
    private readonly consumer: GroupConsumer,
    private readonly db: StatsDatabase,
  ) {}

  // TODO eventIdOf(record): string
  // EN: The event's id: the `EVENT_ID_HEADER` header if it is there and not empty, else
  //     `record.value.eventId` (a non-empty string), else throw an Error. Never the offset: a
  //     producer retry writes the same event again at another offset.
  // RU: Идентификатор события: заголовок `EVENT_ID_HEADER`, если он есть и не пустой, иначе
  //     `record.value.eventId` (непустая строка), иначе бросьте Error. Никогда не смещение: повтор
  //     производителя пишет то же событие снова, но по другому смещению.
  eventIdOf(record: OrderRecord): string {
    void [record, EVENT_ID_HEADER];
    throw new Error('not implemented: eventIdOf');
  }

  // TODO handle(record): boolean
  // EN: Inside ONE `this.db.transaction(() => ...)`: if `this.db.hasProcessed(id)`, return false
  //     (a duplicate changes nothing). Otherwise apply `orderEventOf(record)` with `applyToStats`
  //     (a null event changes no statistics), `this.db.markProcessed(id)`, and return true.
  //     The statistics and the inbox entry must be written together: a crash between two separate
  //     writes either loses the event or counts it twice. Let errors (a SimulatedCrash) go through.
  // RU: Внутри ОДНОЙ `this.db.transaction(() => ...)`: если `this.db.hasProcessed(id)` — верните false
  //     (дубликат ничего не меняет). Иначе примените `orderEventOf(record)` через `applyToStats`
  //     (null статистику не меняет), вызовите `this.db.markProcessed(id)` и верните true.
  //     Статистика и запись в ящике пишутся вместе: сбой между двумя отдельными записями либо
  //     потеряет событие, либо посчитает его дважды. Ошибки (SimulatedCrash) не перехватывайте.
  handle(record: OrderRecord): boolean {
    void [record, orderEventOf, applyToStats];
    throw new Error('not implemented: handle');
  }

  // TODO pollOnce(maxRecords = 100): number
  // EN: `this.consumer.poll({ maxRecords })`, `handle` every record in order, and only then
  //     `this.consumer.commit()` (committing first would lose the batch if the process died while
  //     handling it). If commit throws an error for which `isCommitFailed(error)` is true, the group
  //     rebalanced: return normally, the new owner will get these records again and the inbox skips
  //     them. Any other error goes through. Return how many records `handle` found new.
  // RU: `this.consumer.poll({ maxRecords })`, `handle` для каждой записи по порядку, и только потом
  //     `this.consumer.commit()` (фиксация до обработки потеряет пакет, если процесс упадёт посередине).
  //     Если commit бросил ошибку, для которой `isCommitFailed(error)` истинно, группа
  //     перебалансировалась: завершитесь как обычно — новый владелец получит эти записи снова,
  //     а ящик их пропустит. Любую другую ошибку пропустите дальше. Верните, сколько записей `handle` счёл новыми.
  pollOnce(maxRecords = 100): number {
    void [maxRecords, isCommitFailed, this.consumer, this.db];
    throw new Error('not implemented: pollOnce');
  }
}
