// How a profile and a profile error read in the UI's language.
import type { TFunction } from 'i18next';
import { EngineError } from '../../bridge';
import type { ProfileView } from './profileStore';

export function profileName(t: TFunction, p: Pick<ProfileView, 'name'>): string {
  return p.name ?? t('profiles:unnamed');
}

export function profileError(t: TFunction, err: unknown): string {
  if (err instanceof EngineError && (err.code === 'PROFILE_NAME_TAKEN' || err.code === 'PROFILE_NOT_FOUND')) {
    const params = (err.details as { params?: Record<string, string> } | undefined)?.params ?? {};
    return t(`profiles:errors.${err.code}`, params);
  }
  return t('profiles:errors.other', { message: (err as Error).message });
}

export function when(date: string | null, lang: string): string {
  if (!date) return '';
  return new Date(date).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
