/**
 * Desktop notifications through the Web Notification API: in web mode the browser shows them, in the Electron
 * app the same API is backed by native OS notifications (the main process grants only this permission).
 */
export function desktopNotify(title: string, body: string, onClick: () => void): void {
  if (typeof Notification === 'undefined') return;
  const show = () => {
    const n = new Notification(title, { body, tag: title + body });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  };
  if (Notification.permission === 'granted') show();
  else if (Notification.permission === 'default') void Notification.requestPermission().then((p) => (p === 'granted' ? show() : undefined));
}
