import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { normalizeError, type ApiError, type ErrorDescription } from '../core/index.js';
import { useApiErrorMessage } from './useApiErrorMessage.js';

/** What a fallback gets: the normalized error, its message for people, and `reset` to try again. */
export interface FallbackProps {
  error: ApiError;
  message: ErrorDescription;
  reset: () => void;
  /** react-error-boundary's name for `reset`. */
  resetErrorBoundary: () => void;
}

export interface ApiErrorBoundaryProps {
  children?: ReactNode;
  /** An element, or a render function of the error (as in the contract). */
  fallback?: ReactNode | ((props: FallbackProps) => ReactNode);
  FallbackComponent?: ComponentType<FallbackProps>;
  fallbackRender?: (props: FallbackProps) => ReactNode;
  /** Called when reset, before the children render again. */
  onReset?: (details: { reason: 'imperative-api' | 'keys'; prev?: readonly unknown[]; next?: readonly unknown[] }) => void;
  /** A change in any of these resets the boundary (e.g. the route or the account). */
  resetKeys?: readonly unknown[];
  onError?: (error: ApiError, info: ErrorInfo) => void;
}

interface InnerProps extends ApiErrorBoundaryProps {
  resetQueries: () => void;
}

interface State {
  error: ApiError | null;
}

function changed(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length !== b.length || a.some((item, index) => !Object.is(item, b[index]));
}

/** The built-in fallback: the message, and a button to try again. */
function DefaultFallback({ message, reset }: FallbackProps) {
  return (
    <div role="alert" className="fl-boundary">
      <strong className="fl-boundary-title">{message.title}</strong>
      <p className="fl-boundary-description">{message.description}</p>
      <button type="button" className="fl-button fl-button-primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}

function Fallback(props: ApiErrorBoundaryProps & { error: ApiError; reset: () => void }) {
  const message = useApiErrorMessage(props.error)!;
  const fallbackProps: FallbackProps = { error: props.error, message, reset: props.reset, resetErrorBoundary: props.reset };
  if (typeof props.fallback === 'function') return <>{props.fallback(fallbackProps)}</>;
  if (props.fallback !== undefined) return <>{props.fallback}</>;
  if (props.fallbackRender) return <>{props.fallbackRender(fallbackProps)}</>;
  const Component = props.FallbackComponent ?? DefaultFallback;
  return <Component {...fallbackProps} />;
}

class Boundary extends Component<InnerProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: normalizeError(error) };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo) {
    if (this.state.error) this.props.onError?.(this.state.error, info);
  }

  override componentDidUpdate(prev: InnerProps, prevState: State) {
    // Reset when the keys change, but not in the update that caught the error.
    if (this.state.error && prevState.error !== null && changed(prev.resetKeys, this.props.resetKeys)) {
      this.props.onReset?.({ reason: 'keys', prev: prev.resetKeys, next: this.props.resetKeys });
      this.clear();
    }
  }

  reset = () => {
    this.props.onReset?.({ reason: 'imperative-api' });
    this.clear();
  };

  private clear() {
    // React Query's errors below reset too, so the queries run again instead of rethrowing.
    this.props.resetQueries();
    this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <Fallback {...this.props} error={this.state.error} reset={this.reset} />;
    return this.props.children;
  }
}

/**
 * Catches render errors and thrown query errors (`throwOnError`, suspense) below it and renders a
 * fallback with the normalized error. Speaks react-error-boundary's props: `fallback`,
 * `FallbackComponent`, `fallbackRender`, `onReset`, `resetKeys`, `onError`.
 */
export function ApiErrorBoundary(props: ApiErrorBoundaryProps) {
  return <QueryErrorResetBoundary>{({ reset }) => <Boundary {...props} resetQueries={reset} />}</QueryErrorResetBoundary>;
}
