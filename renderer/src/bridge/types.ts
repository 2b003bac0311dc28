// Types the UI uses to talk to the engine, derived from the contract; pages never know the transport.
import type { ApiErrorShape } from '@common/apiError';
import type { MethodInput, MethodName, MethodOutput, TopicName, TopicPayload } from '@contract/contract';

export type { MethodInput, MethodName, MethodOutput, TopicName, TopicPayload };

/** The error half of an API answer (one shape for both shells, from the engine's common layer). */
export type ApiErrorInfo = ApiErrorShape;

/** Thrown by invoke() when the engine answers with an error. */
export class EngineError extends Error {
  readonly code: string;
  readonly issues: ApiErrorInfo['issues'];
  readonly params: NonNullable<ApiErrorInfo['params']>;
  readonly details: unknown;
  constructor(info: ApiErrorInfo) {
    super(info.message);
    this.name = 'EngineError';
    this.code = info.code;
    this.params = info.params ?? {};
    this.issues = info.issues;
    this.details = info.details;
  }
}

export type Envelope = { ok: true; value: unknown } | { ok: false; error: ApiErrorInfo };

/** What the Electron preload exposes as window.replayground. */
export interface PreloadApi {
  invoke(name: string, input: unknown): Promise<Envelope>;
  subscribe(topic: string, cb: (payload: unknown) => void): () => void;
}

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(name: string, input: unknown): Promise<Envelope>;
  subscribe(topic: string, cb: (payload: unknown) => void): () => void;
  onConnectionChange(cb: (connected: boolean) => void): () => void;
}
