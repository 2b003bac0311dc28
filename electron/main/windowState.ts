// Remembers the window's size and position between runs (a small JSON file in userData).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const Bounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof Bounds>;

const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820, maximized: false };

export function loadWindowState(userDataDir: string): WindowBounds {
  try {
    const parsed = Bounds.safeParse(JSON.parse(fs.readFileSync(path.join(userDataDir, 'window-state.json'), 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_BOUNDS;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function saveWindowState(userDataDir: string, bounds: WindowBounds): void {
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'window-state.json'), JSON.stringify(Bounds.parse(bounds)));
}
