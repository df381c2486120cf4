import type { MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useMatches, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

export const meta: MetaFunction = () => [{ title: "Community grants – Cambridgeshire County Council" }];

/** A route ships JavaScript only when it asks for it with `export const handle = { hydrate: true }`. */
function useHydrate(): boolean {
  return useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === true);
}

export function Layout({ children }: { children: ReactNode }) {
  const hydrate = useHydrate();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main>
        <h1>Page not found</h1>
        <p>If you typed the web address, check it is correct.</p>
        <p>
          <a href="/">Go to the start page</a>
        </p>
      </main>
    );
  }
  return (
    <main>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later.</p>
    </main>
  );
}
