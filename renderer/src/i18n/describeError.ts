// Words any error for the person in front of the screen, in the UI's language: an engine error by its
// code and parameters (errors namespace), anything else as a generic text. Never the engine's English
// message, never a bare code.
import { i18next, registerStrings } from './index';
import { errorStrings } from './errorStrings';
import { EngineError } from '../bridge/types';

registerStrings('errors', errorStrings);

type ErrorCode = keyof typeof errorStrings.en;

function isKnownCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorStrings.en, code);
}

export function describeError(error: unknown): string {
  if (error instanceof EngineError && isKnownCode(error.code)) return i18next.t(`errors:${error.code}`, { ...error.params });
  const code = error instanceof EngineError ? error.code : 'INTERNAL';
  return i18next.t('errors:unknown', { code });
}
