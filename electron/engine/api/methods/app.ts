// Methods about the app itself: version, data folder, settings.
import { z } from 'zod';
import { method, Empty, Ok } from '../defineMethod';

export const Locale = z.enum(['ru', 'en']);

export const appMethods = {
  'app.info': method(
    Empty,
    z.object({ name: z.string(), version: z.string(), dataDir: z.string(), shell: z.enum(['electron', 'web']) }),
  ),
  'app.ping': method(z.object({ echo: z.string().max(1000) }), z.object({ echo: z.string() })),
  'settings.get': method(z.object({ key: z.string().min(1).max(200) }), z.object({ value: z.unknown() })),
  'settings.set': method(z.object({ key: z.string().min(1).max(200), value: z.unknown() }), Ok),
};
