import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { useContext, useEffect, type ReactNode } from "react";
import { Footer } from "~/components/footer";
import { Header } from "~/components/header";
import { PhaseBanner } from "~/components/phase-banner";
import { ServiceNavigation } from "~/components/service-navigation";
import { SkipLink } from "~/components/skip-link";
import { NonceContext } from "~/nonce";
import { RequestReferenceContext } from "~/request-reference";
import { getServiceSettings } from "~/domain/settings/settings.server";
import { navigationFor } from "~/domain/access/navigation.server";
import { csrfToken, getSignedIn } from "~/utils/auth.server";
import { TimeoutWarning } from "~/layout/timeout-warning";
import stylesheet from "~/styles/compiled/main.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [settings, auth, csrf] = await Promise.all([getServiceSettings(), getSignedIn(request, context), csrfToken(request, context)]);
  return {
    settings,
    csrf,
    // After a form was sent back with errors (the action ran first, in this same request).
    formErrors: context.formErrors === true,
    user: auth ? { name: auth.user.fullName, ...(await navigationFor(auth.user.id, auth.session.id)) } : null,
    // For the timeout warning: how long until the session ends if nothing happens (counted from this response).
    session: auth
      ? { secondsLeft: Math.max(0, Math.floor((Date.parse(auth.session.expiresAt) - Date.now()) / 1000)), idleSeconds: auth.session.idleSeconds }
      : null,
  };
}

type RootData = Awaited<ReturnType<typeof loader>>;

/** The title of the page root shows when a route fails; each route's own meta gives the others. */
export const meta: MetaFunction<typeof loader> = ({ error }) => {
  if (!error) return [{ title: "Apply for a community grant" }];
  return [{ title: `${isRouteErrorResponse(error) ? errorPageTitle(error.status, error.statusText) : errorPageTitle(500)} – Community grants` }];
};

type ErrorKind = "not_found" | "forbidden" | "expired_form" | "bad_request" | "server";

function errorKind(status: number, statusText?: string): ErrorKind {
  if (status === 404) return "not_found";
  if (status === 403 && statusText === "csrf") return "expired_form";
  if (status === 401 || status === 403) return "forbidden";
  if (status >= 400 && status < 500) return "bad_request";
  return "server";
}

const ERROR_TITLES: Record<ErrorKind, string> = {
  not_found: "Page not found",
  forbidden: "You cannot see this page",
  expired_form: "Sorry, that form had expired",
  bad_request: "Sorry, we could not do that",
  server: "Sorry, there is a problem with the service",
};

function errorPageTitle(status: number, statusText?: string): string {
  return ERROR_TITLES[errorKind(status, statusText)];
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

type NavItem = { href: string; text: string; match: (path: string) => boolean };
const FUNDS: NavItem = { href: "/", text: "Funds", match: (path) => path === "/" || path.startsWith("/funds") };
const SENT_EMAILS: NavItem = { href: "/admin/emails", text: "Sent emails", match: (path) => path.startsWith("/admin/emails") };
const ACCOUNT: NavItem = { href: "/account", text: "Your account", match: (path) => path.startsWith("/account") };
const YOUR_APPLICATIONS: NavItem = { href: "/applications", text: "Your applications", match: (path) => path === "/applications" || path.startsWith("/applications/") };
const GROUPS: NavItem = { href: "/groups", text: "Your groups", match: (path) => path.startsWith("/groups") || path.startsWith("/invitations") };
const STAFF: NavItem = { href: "/admin/staff", text: "Staff", match: (path) => path.startsWith("/admin/staff") };
const APPLICATIONS: NavItem = { href: "/admin/applications", text: "Applications", match: (path) => path.startsWith("/admin/applications") };
const DISTRICTS: NavItem = { href: "/coordinator", text: "Your districts", match: (path) => path.startsWith("/coordinator") };
const FUND_SETUP: NavItem = { href: "/admin/funds", text: "Fund set-up", match: (path) => path.startsWith("/admin/funds") };
const AUDIT_LOG: NavItem = { href: "/admin/audit", text: "Audit log", match: (path) => path.startsWith("/admin/audit") };
const DEPRIVATION: NavItem = { href: "/admin/deprivation", text: "Deprived areas", match: (path) => path.startsWith("/admin/deprivation") };
const SIGN_IN: NavItem = { href: "/sign-in", text: "Sign in", match: (path) => path.startsWith("/sign-in") };

function navigation(user: RootData["user"]): NavItem[] {
  if (!user) return [FUNDS, SIGN_IN];
  return [
    FUNDS,
    ...(user.groups ? [YOUR_APPLICATIONS, GROUPS] : []),
    ...(user.coordinator ? [DISTRICTS] : []),
    ...(user.applications ? [APPLICATIONS] : []),
    ...(user.funds ? [FUND_SETUP] : []),
    ...(user.staff ? [STAFF] : []),
    ...(user.deprivation ? [DEPRIVATION] : []),
    ...(user.auditLog ? [AUDIT_LOG] : []),
    ...(user.sentEmails ? [SENT_EMAILS] : []),
    ACCOUNT,
  ];
}

/** Which group a person in several is acting for, on every page, with the way to change it. */
function ActingFor({ acting }: { acting: NonNullable<NonNullable<RootData["user"]>["acting"]> }) {
  return (
    <p className="govuk-body-s app-acting-for">
      {acting.name ? (
        <>
          Acting for <strong>{acting.name}</strong>
          {acting.several ? (
            <>
              {" "}
              <a className="govuk-link" href="/groups">
                Change group
              </a>
            </>
          ) : null}
        </>
      ) : (
        <>
          You belong to several groups.{" "}
          <a className="govuk-link" href="/groups">
            Choose the group you are acting for
          </a>
        </>
      )}
    </p>
  );
}

/** Signing out changes something, so it is a form (with its CSRF token), styled as a link. */
function SignOutForm({ csrf }: { csrf: string }) {
  return (
    <li className="govuk-service-navigation__item">
      <form method="post" action="/sign-out" className="app-sign-out">
        <input type="hidden" name="csrf" value={csrf} />
        <button type="submit" className="govuk-service-navigation__link app-link-button">
          Sign out
        </button>
      </form>
    </li>
  );
}

function Page({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const settings = data?.settings;
  const user = data?.user ?? null;
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
          navigation={navigation(user).map((item) => ({ href: item.href, text: item.text, active: item.match(pathname) }))}
          slots={user ? { navigationEnd: <SignOutForm csrf={data?.csrf ?? ""} /> } : undefined}
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
        {user?.acting ? <ActingFor acting={user.acting} /> : null}
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
  const nonce = useContext(NonceContext);
  const data = useRouteLoaderData<RootData>("root");
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
        {data?.session ? <TimeoutWarning {...data.session} csrf={data.csrf} nonce={nonce} /> : null}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  // Once a page that ships JavaScript has hydrated, say so on <html> (after hydration, so it cannot upset
  // it): browser tests wait for it before they type, as a person's first keystroke usually comes later.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

function ErrorPage({ status, statusText, children }: { status: number; statusText?: string; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{errorPageTitle(status, statusText)}</h1>
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

  const kind = errorKind(status, isRouteErrorResponse(error) ? error.statusText : undefined);

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
  if (kind === "expired_form") {
    return (
      <ErrorPage status={status} statusText="csrf">
        <p className="govuk-body">Nothing was changed. This can happen when a page was open for a long time, or after you signed in or out in another tab.</p>
        <p className="govuk-body">Go back, refresh the page and try again. Anything you saved before is safe.</p>
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
