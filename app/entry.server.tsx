import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/nonce";
import { RequestReferenceContext } from "~/request-reference";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * Log real failures only (not a page that does not exist, not a request the browser gave up on), with the
 * reference the person sees on the error page.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  if ((error as { status?: number } | null)?.status === 404) return;
  console.error(`[${context.requestReference ?? "no-reference"}] ${request.method} ${new URL(request.url).pathname}`, error);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const reference = loadContext.requestReference ?? null;
  // A thrown 5xx Response does not reach handleError: log it here, with the same reference.
  if (responseStatusCode >= 500) {
    console.error(`[${reference ?? "no-reference"}] ${request.method} ${new URL(request.url).pathname} answered ${responseStatusCode}`);
  }
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") || "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={loadContext.cspNonce || undefined}>
        <RequestReferenceContext.Provider value={reference}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={loadContext.cspNonce || undefined} />
        </RequestReferenceContext.Provider>
      </NonceContext.Provider>,
      {
        nonce: loadContext.cspNonce || undefined,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // Pages carry a CSRF token and, signed in, someone's own details: never kept by a shared browser's
          // back button or by a proxy.
          responseHeaders.set("Cache-Control", "no-store");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1000);
  });
}
