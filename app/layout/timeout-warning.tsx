/**
 * The GOV.UK timeout warning: two minutes before an idle session ends, a dialog says "You will be signed
 * out soon" and offers "Stay signed in". The markup is here (hidden until needed); the behaviour is a small
 * script (public/timeout-warning.js), so pages do not need to hydrate for it. Without JavaScript the page
 * works as before and, after the timeout, the next request asks the person to sign in and brings them back.
 */
export interface TimeoutWarningProps {
  secondsLeft: number;
  idleSeconds: number;
  csrf: string;
  nonce?: string;
}

export function TimeoutWarning({ secondsLeft, idleSeconds, csrf, nonce }: TimeoutWarningProps) {
  return (
    <>
      <dialog
        className="app-timeout-warning"
        id="timeout-warning"
        aria-labelledby="timeout-warning-heading"
        aria-describedby="timeout-warning-message"
        data-seconds-left={secondsLeft}
        data-idle-seconds={idleSeconds}
        data-warn-before-seconds={120}
        data-keep-alive-url="/session/keep-alive"
      >
        <h2 className="govuk-heading-m" id="timeout-warning-heading">
          You will be signed out soon
        </h2>
        <p className="govuk-body" id="timeout-warning-message" aria-live="polite">
          We will sign you out in <span data-countdown>2 minutes</span> to keep your account safe. Anything you have saved is kept.
        </p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" data-module="govuk-button" data-stay-signed-in>
            Stay signed in
          </button>
          <form method="post" action="/sign-out">
            <input type="hidden" name="csrf" value={csrf} />
            <button type="submit" className="govuk-link app-link-button">
              Sign out
            </button>
          </form>
        </div>
        <input type="hidden" name="csrf" value={csrf} data-csrf />
      </dialog>
      {/* Browsers hide a nonce once the page has loaded, so a hydrating page would see it "missing". */}
      <script src="/timeout-warning.js" defer nonce={nonce} suppressHydrationWarning />
    </>
  );
}
