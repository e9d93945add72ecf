import { useCallback, useState } from 'react';
import { useSession } from './session';

/**
 * The open conversation, remembered per profile so a restart reopens where this agent was, and a different
 * profile signing in on the same machine never opens it.
 */
export function useSelection(): [string | null, (id: string | null) => void] {
  const key = `kefu.selected.${useSession().agent.id}`;
  const [selected, setSelected] = useState<string | null>(() => localStorage.getItem(key));
  const select = useCallback(
    (id: string | null) => {
      if (id) localStorage.setItem(key, id);
      else localStorage.removeItem(key);
      setSelected(id);
    },
    [key],
  );
  return [selected, select];
}
