import type { MetaFunction } from "@remix-run/node";
import { ContactDetails, useServiceSettings } from "~/layout/contact-details";
import { Table } from "~/components/table";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Privacy notice");

export default function Privacy() {
  const s = useServiceSettings();
  const operator = s?.operatorName ?? "the council";
  const service = s?.serviceName ?? "this service";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Privacy notice</h1>
        <p className="govuk-body-l">
          How {operator} uses the information you give when you use {service}.
        </p>

        <h2 className="govuk-heading-l">Who we are</h2>
        <p className="govuk-body">
          {operator} is the data controller for the personal information you give in this service. Where a partner
          manages a fund on our behalf (for example a community foundation), it processes your information under our
          instructions.
        </p>

        <h2 className="govuk-heading-l">What we collect</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>your name and email address, and a scrambled (hashed) form of your password, so you can have an account</li>
          <li>the groups you act for and your role in them</li>
          <li>your group&rsquo;s details: name, type, charity or company number, address and the area it works in</li>
          <li>what you write in applications, the documents you upload, and reports on grants you receive</li>
          <li>bank details for paying a grant, if you are awarded one</li>
          <li>
            records of what happens to your application and of sign-ins, including the date, time and internet (IP)
            address, to keep the service secure
          </li>
        </ul>
        <p className="govuk-body">
          Please do not include information about other people&rsquo;s health, religion or other sensitive matters in an
          application unless the form asks for it.
        </p>

        <h2 className="govuk-heading-l">Why we use it, and our lawful basis</h2>
        <p className="govuk-body">
          We use your information to decide on grant applications, to pay and monitor grants, to support groups before
          they apply, and to report on how public money is spent. Our lawful basis is that this is a task carried out in
          the public interest (UK GDPR Article 6(1)(e)), under our powers to support the wellbeing of the area. When you
          accept a grant, the grant agreement is a contract (Article 6(1)(b)).
        </p>

        <h2 className="govuk-heading-l">Who sees it</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>the officers who run the fund, and the Community Coordinators who support groups in your district</li>
          <li>the councillors and officers on the selection panel, and the service experts who advise them</li>
          <li>a partner who manages a fund on our behalf</li>
          <li>our auditors, and anyone we must share with by law</li>
        </ul>
        <p className="govuk-body">
          We publish details of the grants we award (your group&rsquo;s name, the amount, the purpose and the area) as open
          data in the 360Giving Data Standard. We do not publish the names or contact details of individuals.
        </p>

        <h2 className="govuk-heading-l">How long we keep it</h2>
        <Table
          caption="How long we keep information"
          captionClasses="govuk-visually-hidden"
          head={[{ text: "Information" }, { text: "How long" }]}
          rows={[
            [{ text: "Applications that are awarded a grant, and their payments and reports" }, { text: "7 years after the grant ends" }],
            [{ text: "Applications that are not awarded, or are withdrawn" }, { text: "2 years after the decision" }],
            [{ text: "Draft applications never submitted" }, { text: "1 year after they were last changed" }],
            [{ text: "Your account" }, { text: "Until you ask us to close it, or 2 years after you last sign in" }],
            [{ text: "Records of changes and sign-ins" }, { text: "7 years; they name you by an account number, not your name" }],
          ]}
        />

        <h2 className="govuk-heading-l">Your rights</h2>
        <p className="govuk-body">
          You can ask to see the information we hold about you, to have it corrected, to have it deleted or its use
          restricted, and you can object to how we use it. Some rights depend on the lawful basis: for example, we may need
          to keep records of grants we have paid.
        </p>
        <p className="govuk-body">To use these rights, or to ask about this notice:</p>
        <ContactDetails />
        <p className="govuk-body">
          If you are not happy with how we have used your information, you can complain to the{" "}
          <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">
            Information Commissioner&rsquo;s Office
          </a>
          .
        </p>

        <h2 className="govuk-heading-l">Cookies</h2>
        <p className="govuk-body">
          <a className="govuk-link" href="/cookies">
            Find out about the cookie this service uses
          </a>
          .
        </p>
      </div>
    </div>
  );
}
