/**
 * Desktop notifications in web mode, through the browser's Web Notification API. In the Electron app the main
 * process denies every page permission, this one included, and raises native notifications itself
 * (electron/main/desktopNotifier.ts), so there are no doubles.
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
