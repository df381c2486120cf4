import type { MetaFunction } from "@remix-run/node";
import { Table } from "~/components/table";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Cookies");

export default function Cookies() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Cookies</h1>
        <p className="govuk-body">
          Cookies are small files saved on your phone, tablet or computer when you visit a website.
        </p>
        <p className="govuk-body">
          This service uses three cookies. All three are essential: the service cannot keep your account and your forms
          safe without them, so we do not ask for your consent. We do not use analytics or advertising cookies, and
          nothing on these pages is loaded from other websites.
        </p>
        <h2 className="govuk-heading-l">Essential cookies</h2>
        <Table
          caption="The cookies this service uses"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Name" }, { text: "Purpose" }, { text: "Expires" }]}
          rows={[
            [
              { text: "session" },
              { text: "Keeps you signed in. It holds a random number that identifies your session, not your details." },
              { text: "When you sign out or close your browser, after 2 hours without activity (30 minutes for council staff), or 12 hours after you signed in" },
            ],
            [
              { text: "csrf" },
              { text: "Proves that a form you send (to sign in, create an account or reset a password) came from this service, not from another website." },
              { text: "When you close your browser" },
            ],
            [
              { text: "device" },
              { text: "Recognises a browser that has signed in before, so that council staff are emailed when their account is used from a new one." },
              { text: "After 400 days" },
            ],
          ]}
        />
        <p className="govuk-body">On the live service each name starts with __Host-, which stops any other website, even another part of the council&rsquo;s, from setting them.</p>
      </div>
    </div>
  );
}
