import type { ErrorFacts, Messages } from '../core/index.js';

const FACTS = ['api', 'status', 'code', 'requestId'] as const;

/** Whether the error has any fact for the details: an API, a status, a code or a request id. */
export function hasFacts(error: ErrorFacts): boolean {
  return FACTS.some((fact) => error[fact] !== null);
}

/**
 * What support needs, for a details disclosure: the error's API, status, code and request id
 * (and its kind, for developers), as a description list: fields read by `errorFacts`, rendered as text.
 */
export function Facts({ error, messages, kind = false }: { error: ErrorFacts; messages: Messages; kind?: boolean }) {
  return (
    <dl>
      {kind && (
        <div className="fl-toast-fact">
          <dt>Kind</dt>
          <dd>{error.kind}</dd>
        </div>
      )}
      {FACTS.map((fact) =>
        error[fact] === null ? null : (
          <div key={fact} className="fl-toast-fact">
            <dt>{messages[`details.${fact}`]}</dt>
            <dd>{error[fact]}</dd>
          </div>
        ),
      )}
    </dl>
  );
}
