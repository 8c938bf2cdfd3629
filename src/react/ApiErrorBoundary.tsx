import { Component, useContext, type ComponentType, type ContextType, type ErrorInfo, type ReactNode } from 'react';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { defaultMessages, errorFacts, normalizeError, type ApiError, type ErrorDescription } from '../core/index.js';
import { ApiErrorContext, type Catalog } from './context.js';
import { Facts } from './Facts.js';
import { ToastIcon, toastFamily } from './ToastIcon.js';
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
  /** What was thrown, boxed (a component may throw undefined); null while the children render. */
  thrown: { value: unknown } | null;
}

function changed(a: readonly unknown[] = [], b: readonly unknown[] = []): boolean {
  return a.length !== b.length || a.some((item, index) => !Object.is(item, b[index]));
}

/** The built-in fallback: icon, title, message, Try again, and the facts a developer needs, folded away. */
function DefaultFallback({ error, message, reset }: FallbackProps) {
  // Works outside a provider too, in English.
  const messages: Catalog = useContext(ApiErrorContext)?.messages ?? defaultMessages;
  // Type-checked fields that cannot throw, whatever the thrown value carried.
  const facts = errorFacts(error);
  return (
    <div role="alert" className="fl-root fl-boundary" data-family={toastFamily(facts.kind)}>
      <ToastIcon family={toastFamily(facts.kind)} />
      <div className="fl-toast-body">
        <div className="fl-boundary-title">{message.title}</div>
        <p className="fl-toast-description">{message.description}</p>
        <div className="fl-actions">
          <button type="button" className="fl-button fl-button-primary" onClick={reset}>
            {messages['boundary.retry']}
          </button>
        </div>
        <details className="fl-boundary-details">
          <summary>{messages['boundary.details'] ?? 'Details for developers'}</summary>
          <div className="fl-toast-details">
            <Facts error={facts} messages={messages} kind />
          </div>
        </details>
      </div>
    </div>
  );
}

/** A focusable element at or under `root`, or the first element made focusable by script only. */
function focusTarget(root: Element): HTMLElement | null {
  const focusable = root.querySelector<HTMLElement>('button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])');
  if (focusable) return focusable;
  if (!(root instanceof HTMLElement)) return null;
  if (!root.hasAttribute('tabindex')) root.setAttribute('tabindex', '-1');
  return root;
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

/** Caught values already read, and by which reader (a provider's client, or the general one). */
const readErrors = new WeakMap<object, { by: unknown; error: ApiError }>();

class Boundary extends Component<InnerProps, State> {
  static override contextType = ApiErrorContext;
  declare context: ContextType<typeof ApiErrorContext>;
  override state: State = { thrown: null };

  static getDerivedStateFromError(value: unknown): State {
    return { thrown: { value } };
  }

  /**
   * The caught value as an ApiError, read once: through the provider's client, so with the app's
   * profiles (as every other error), or with the general reader outside a provider.
   */
  private errorOf(thrown: { value: unknown }): ApiError {
    const normalize = this.context?.normalize ?? normalizeError;
    // By the thrown object itself where it is one: React catches the same throw again when it
    // retries a render, in a new instance on a first mount.
    const key = typeof thrown.value === 'object' && thrown.value !== null ? thrown.value : thrown;
    const known = readErrors.get(key);
    if (known?.by === normalize) return known.error;
    const error = normalize(thrown.value);
    readErrors.set(key, { by: normalize, error });
    return error;
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo) {
    if (this.state.thrown) this.props.onError?.(this.errorOf(this.state.thrown), info);
  }

  override componentDidUpdate(prev: InnerProps, prevState: State) {
    if (prevState.thrown && !this.state.thrown) this.restoreFocus();
    // Reset when the keys change, but not in the update that caught the error.
    if (this.state.thrown && prevState.thrown !== null && changed(prev.resetKeys, this.props.resetKeys)) {
      this.props.onReset?.({ reason: 'keys', prev: prev.resetKeys, next: this.props.resetKeys });
      this.clear();
    }
  }

  /** The ancestors of the element focused when reset was asked for (the fallback's Try again). */
  private focusPath: Element[] = [];

  reset = () => {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    this.focusPath = [];
    for (let node = active?.parentElement; node && node !== document.body; node = node.parentElement) this.focusPath.push(node);
    this.props.onReset?.({ reason: 'imperative-api' });
    this.clear();
  };

  /**
   * After a reset the fallback's button is gone and focus would drop to <body>: move it into the
   * section that replaced the fallback, its first focusable element (or the section itself).
   */
  private restoreFocus() {
    const path = this.focusPath;
    this.focusPath = [];
    if (path.length === 0 || this.state.thrown || (document.activeElement && document.activeElement !== document.body)) return;
    const section = path.find((node) => node.isConnected);
    if (section) focusTarget(section)?.focus();
  }

  private clear() {
    // React Query's errors below reset too, so the queries run again instead of rethrowing.
    this.props.resetQueries();
    this.setState({ thrown: null });
  }

  override render() {
    if (this.state.thrown) return <Fallback {...this.props} error={this.errorOf(this.state.thrown)} reset={this.reset} />;
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
