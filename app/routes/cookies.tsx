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
          This service uses one cookie, and only when you sign in. It is essential: the service cannot keep you signed in
          without it, so we do not ask for your consent. We do not use analytics or advertising cookies, and nothing on
          these pages is loaded from other websites.
        </p>
        <h2 className="govuk-heading-l">Essential cookie</h2>
        <Table
          caption="The cookie this service uses"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Name" }, { text: "Purpose" }, { text: "Expires" }]}
          rows={[
            [
              { text: "__session" },
              { text: "Keeps you signed in. It holds a random number that identifies your session, not your details." },
              { text: "When you sign out, after 2 hours without activity (30 minutes for council staff), or 12 hours after you signed in" },
            ],
          ]}
        />
      </div>
    </div>
  );
}
