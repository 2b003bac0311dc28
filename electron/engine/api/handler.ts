// The types a feature's handlers are written against: one handler per contract method, grouped by the
// method-name prefix. Kept apart from service.ts so handlers and the service don't import each other.
import type { MethodName, MethodOutput, MethodParsedInput } from './contract';

export type Handler<K extends MethodName> = (input: MethodParsedInput<K>) => MethodOutput<K> | Promise<MethodOutput<K>>;
export type Service = { [K in MethodName]: Handler<K> };
/** A feature's slice of the service: handlers for the methods whose names start with its prefix. */
export type HandlerGroup<P extends string> = { [K in MethodName as K extends `${P}${string}` ? K : never]: Handler<K> };
