import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useContext, type ReactNode } from "react";
import { Footer } from "~/components/footer";
import { Header } from "~/components/header";
import { PhaseBanner } from "~/components/phase-banner";
import { ServiceNavigation } from "~/components/service-navigation";
import { SkipLink } from "~/components/skip-link";
import { RequestReferenceContext } from "~/request-reference";
import { getServiceSettings } from "~/domain/settings/settings.server";
import stylesheet from "~/styles/compiled/main.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader() {
  return { settings: await getServiceSettings() };
}

type RootData = Awaited<ReturnType<typeof loader>>;

/** The title of the page root shows when a route fails; each route's own meta gives the others. */
export const meta: MetaFunction<typeof loader> = ({ error }) => {
  if (!error) return [{ title: "Apply for a community grant" }];
  return [{ title: `${errorPageTitle(isRouteErrorResponse(error) ? error.status : 500)} – Community grants` }];
};

type ErrorKind = "not_found" | "forbidden" | "bad_request" | "server";

function errorKind(status: number): ErrorKind {
  if (status === 404) return "not_found";
  if (status === 401 || status === 403) return "forbidden";
  if (status >= 400 && status < 500) return "bad_request";
  return "server";
}

const ERROR_TITLES: Record<ErrorKind, string> = {
  not_found: "Page not found",
  forbidden: "You cannot see this page",
  bad_request: "Sorry, we could not do that",
  server: "Sorry, there is a problem with the service",
};

function errorPageTitle(status: number): string {
  return ERROR_TITLES[errorKind(status)];
}

function StartPageLink() {
  return (
    <p className="govuk-body">
      <a className="govuk-link" href="/">
        Go to the list of funds
      </a>
    </p>
  );
}

/** A route ships JavaScript only when it asks for it with `export const handle = { hydrate: true }`. */
function useHydrate(): boolean {
  return useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === true);
}

const NAVIGATION = [{ href: "/", text: "Funds", match: (path: string) => path === "/" || path.startsWith("/funds") }];

function Page({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const settings = data?.settings;
  const { pathname } = useLocation();
  const operator = settings?.operatorName ?? "Community grants";
  const serviceName = settings?.serviceName ?? "Apply for a community grant";
  return (
    <>
      <SkipLink href="#main-content" text="Skip to main content" />
      <header className="govuk-template__header">
        <Header logoText={operator} url={settings?.websiteUrl ?? "/"} />
        <ServiceNavigation
          serviceName={serviceName}
          serviceUrl="/"
          navigation={NAVIGATION.map((item) => ({ href: item.href, text: item.text, active: item.match(pathname) }))}
        />
        <PhaseBanner tag={{ text: "Beta" }}>
          This is a new service. Help us improve it:{" "}
          <a className="govuk-link" href={`mailto:${settings?.contactEmail ?? ""}?subject=${encodeURIComponent(`Feedback on ${serviceName}`)}`}>
            email your feedback
          </a>
          .
        </PhaseBanner>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <footer className="govuk-template__footer">
        <Footer
          meta={{
            visuallyHiddenTitle: "Support links",
            items: [
              { href: "/accessibility", text: "Accessibility statement" },
              { href: "/privacy", text: "Privacy notice" },
              { href: "/cookies", text: "Cookies" },
            ],
            text: `Run by ${operator}. Built on open-source software.`,
          }}
          contentLicence={null}
          copyright={null}
          crown={false}
        />
      </footer>
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const hydrate = useHydrate();
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <Page>{children}</Page>
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

function ErrorPage({ status, children }: { status: number; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{errorPageTitle(status)}</h1>
        {children}
      </div>
    </div>
  );
}

/**
 * What a person sees when something goes wrong: plain words and what to do, never a stack trace.
 * Server failures (thrown errors and thrown 5xx Responses alike) show a reference that is also in the log.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const reference = useContext(RequestReferenceContext);
  const status = isRouteErrorResponse(error) ? error.status : 500;

  const kind = errorKind(status);

  if (kind === "not_found") {
    return (
      <ErrorPage status={status}>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <StartPageLink />
      </ErrorPage>
    );
  }
  if (kind === "forbidden") {
    return (
      <ErrorPage status={status}>
        <p className="govuk-body">You do not have permission to see this page with the account you are signed in with.</p>
        <p className="govuk-body">
          If you think you should, ask your group&rsquo;s administrator or the fund&rsquo;s team.
        </p>
      </ErrorPage>
    );
  }
  if (kind === "bad_request") {
    return (
      <ErrorPage status={status}>
        <p className="govuk-body">Something in the request was not right. Go back and try again.</p>
        <StartPageLink />
      </ErrorPage>
    );
  }
  return (
    <ErrorPage status={status}>
      <p className="govuk-body">Try again later.</p>
      <p className="govuk-body">Any answers you saved before this happened are safe.</p>
      {reference ? (
        <p className="govuk-body">
          If you contact us about this, quote the reference <span className="app-error-reference">{reference}</span>.
        </p>
      ) : null}
    </ErrorPage>
  );
}
