import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

type State = { error: Error | null };

/** Keeps one broken screen from blanking the app; the data stays safe in IndexedDB. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div role="alert" className="notice notice-error">
            <p>{t('errors.unexpected')}</p>
            <button type="button" onClick={() => window.location.reload()}>
              {t('app.reload')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
