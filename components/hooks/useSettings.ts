import { useEffect, useState } from 'react';
import { type AppSettings, loadSettings, watchSettings } from '@/lib/settings';

/** The current settings (null while loading), kept live across pages. */
export function useSettings(): AppSettings | null {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  useEffect(() => {
    let live = true;
    loadSettings().then((s) => live && setSettings(s));
    const stop = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}
