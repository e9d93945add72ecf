/**
 * For a lead's or agent's dialog that lists conversations: opening one also closes the dialog, so the person sees
 * the conversation at once. Undefined when the dialog was given no way to open one (its lists show no open button).
 */
export const openThenClose = (onOpen: ((conversationId: string) => void) | undefined, onClose: () => void): ((conversationId: string) => void) | undefined =>
  onOpen
    ? (id) => {
        onOpen(id);
        onClose();
      }
    : undefined;
