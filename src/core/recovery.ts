/**
 * What a person (or the app) should do next, beyond an automatic retry. The UI turns each into an
 * action: `reauthenticate` → Sign in, `requote` → fetch a fresh quote, `retry` → a Retry button.
 */
export type Recovery =
  | 'retry' // try the same thing again, by hand if not automatically
  | 'wait' // a rate limit: it will work again once the window opens
  | 'reauthenticate' // sign in again, then replay
  | 'request-access' // ask for a scope or role
  | 'fix-request' // the input is wrong; show the field
  | 'change-request' // valid, but ask for something else (another pair, size, smaller file)
  | 'requote' // the quote expired or is unknown: get a new one
  | 'check-status' // the outcome is unknown: look it up before sending again
  | 'pay' // x402: pay, then resend with the payment
  | 'add-funds' // balance or credits too low
  | 'contact-support'
  | 'connect-wallet' // no wallet connected, not ready, disconnected, account not authorized
  | 'switch-network' // the wallet is on the wrong or an unknown chain
  | 'sign-again'; // the signed transaction can never land as is (blockhash expired): build and sign anew
