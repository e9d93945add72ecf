import { useCallback, useState } from 'react';

const KEY = 'kefu.selected';

/** The open conversation, remembered so a restart reopens where the agent was. */
export function useSelection(): [string | null, (id: string | null) => void] {
  const [selected, setSelected] = useState<string | null>(() => localStorage.getItem(KEY));
  const select = useCallback((id: string | null) => {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
    setSelected(id);
  }, []);
  return [selected, select];
}
