import { z } from 'zod';

export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(600).max(10_000),
  height: z.number().int().min(400).max(10_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const DEFAULT_BOUNDS: WindowBounds = { width: 1360, height: 860, maximized: false };

/** File access the window state needs; Node's fs in the app, a map in tests. */
export interface TextFiles {
  read(path: string): string | null;
  writeAtomic(path: string, text: string): void;
}

/** The last window size and place, validated; anything unreadable falls back to the default size. */
export function loadBounds(files: TextFiles, path: string): WindowBounds {
  const text = files.read(path);
  if (!text) return DEFAULT_BOUNDS;
  try {
    const parsed = WindowBounds.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_BOUNDS;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export function saveBounds(files: TextFiles, path: string, bounds: WindowBounds): void {
  files.writeAtomic(path, JSON.stringify(WindowBounds.parse(bounds)));
}
