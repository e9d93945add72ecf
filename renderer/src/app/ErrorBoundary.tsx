import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18n from 'i18next';

/**
 * A render error never leaves the agent with a blank window: it says so in the agent's language and offers a way
 * back. The JavaScript error text is for bug reports (the console), never the screen. The store is untouched by a
 * renderer crash (the core holds the truth), so reloading loses nothing already sent.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Kefu Desk UI error: ${error.message}`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="crash">
        <h1>{i18n.t('app.crashTitle')}</h1>
        <p>{i18n.t('app.crashHint')}</p>
        <button type="button" onClick={() => location.reload()}>
          {i18n.t('app.reload')}
        </button>
      </div>
    );
  }
}
