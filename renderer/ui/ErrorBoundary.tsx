// A screen that throws while rendering shows a message and a way back instead of a blank
// window. React offers this only as a class component; it is the one class in the renderer.
import { Component, type ReactNode } from 'react';
import { translate, langStore } from '../i18n';
import { Alert } from './Alert';
import { Button } from './Button';

interface Props {
  children: ReactNode;
  /** changing this (e.g. the route) clears a shown error */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const lang = langStore.getState().lang;
    return (
      <div className="page">
        <Alert
          tone="danger"
          testId="screen-error"
          actions={
            <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
              {translate(lang, 'common.refresh')}
            </Button>
          }
        >
          {translate(lang, 'error.unexpected', { detail: error.message })}
        </Alert>
      </div>
    );
  }
}
