// Upcasters: a chain per (type, schemaVersion) that lifts old event payloads on read.
// Stored rows are never rewritten; the chain runs each time an old event is read.
import { InvalidInputError } from './errors';
import type { RecordedEvent, UpcastFn } from './types';
import { checkVersionNumber } from './validate';

export class UpcasterRegistry {
  private readonly byType = new Map<string, Map<number, UpcastFn>>();

  get size(): number {
    return this.byType.size;
  }

  register(type: string, fromSchemaVersion: number, upcast: UpcastFn): void {
    if (typeof type !== 'string' || type.length === 0) throw new InvalidInputError('An upcaster needs an event type');
    checkVersionNumber(fromSchemaVersion, 'fromSchemaVersion', 1);
    if (typeof upcast !== 'function') throw new InvalidInputError(`The upcaster for ${type} v${fromSchemaVersion} must be a function`);
    let chain = this.byType.get(type);
    if (!chain) this.byType.set(type, (chain = new Map()));
    if (chain.has(fromSchemaVersion)) {
      throw new InvalidInputError(`An upcaster for ${type} v${fromSchemaVersion} → v${fromSchemaVersion + 1} is already registered`);
    }
    chain.set(fromSchemaVersion, upcast);
  }

  /** Lifts the event in place through every registered step, v1 → v2 → v3 …, and returns it. */
  apply(event: RecordedEvent): RecordedEvent {
    const chain = this.byType.get(event.type);
    if (!chain) return event;
    let step = chain.get(event.schemaVersion);
    while (step) {
      try {
        event.data = step(event.data, event);
      } catch (err) {
        throw new Error(
          `Upcasting ${event.type} v${event.schemaVersion} → v${event.schemaVersion + 1} failed for event ${event.eventId} (stream "${event.streamId}", version ${event.streamVersion}): ${(err as Error).message}`,
          { cause: err },
        );
      }
      event.schemaVersion += 1;
      step = chain.get(event.schemaVersion);
    }
    return event;
  }
}
