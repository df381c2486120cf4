import type { MetaFunction } from "@remix-run/node";
import { ContactDetails, useServiceSettings } from "~/layout/contact-details";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "Accessibility statement");

export default function Accessibility() {
  const s = useServiceSettings();
  const service = s?.serviceName ?? "this service";
  const operator = s?.operatorName ?? "the council";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Accessibility statement for {service}</h1>
        <p className="govuk-body">
          This statement applies to the online service {service}, run by {operator}, which community groups use to find
          funds, apply for grants and manage the grants they receive, and which council staff and selection panels use to
          assess applications.
        </p>
        <p className="govuk-body">We want as many people as possible to be able to use this service. For example, you should be able to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the whole service using just a keyboard</li>
          <li>navigate the whole service using speech recognition software</li>
          <li>listen to the service using a screen reader (including recent versions of JAWS, NVDA and VoiceOver)</li>
          <li>use the service with JavaScript turned off</li>
        </ul>
        <p className="govuk-body">
          We have also made the text as simple as possible to understand. AbilityNet has{" "}
          <a className="govuk-link" href="https://mcmw.abilitynet.org.uk/">
            advice on making your device easier to use
          </a>{" "}
          if you have a disability.
        </p>

        <h2 className="govuk-heading-l">How accessible this service is</h2>
        <p className="govuk-body">We know some parts of this service are not fully accessible:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>documents that groups upload (such as constitutions and accounts) may not be accessible, because we do not make them</li>
          <li>the service is new (in beta) and has not yet been audited by an accessibility specialist</li>
        </ul>

        <h2 className="govuk-heading-l">Feedback and contact information</h2>
        <p className="govuk-body">
          If you need information from this service in a different format, like accessible PDF, large print, easy read,
          audio recording or braille, or you would like to apply another way:
        </p>
        <ContactDetails />
        <p className="govuk-body">We will consider your request and get back to you within 5 working days.</p>

        <h2 className="govuk-heading-l">Reporting accessibility problems with this service</h2>
        <p className="govuk-body">
          We are always looking to improve the accessibility of this service. If you find any problems not listed on this
          page or think we are not meeting accessibility requirements, contact us using the details above.
        </p>

        <h2 className="govuk-heading-l">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
          and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If
          you are not happy with how we respond to your complaint,{" "}
          <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
            contact the Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 className="govuk-heading-l">Technical information about this service&rsquo;s accessibility</h2>
        <p className="govuk-body">
          {operator} is committed to making its websites accessible, in accordance with the Public Sector Bodies (Websites
          and Mobile Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3 className="govuk-heading-m">Compliance status</h3>
        <p className="govuk-body">
          This service is partially compliant with the{" "}
          <a className="govuk-link" href="https://www.w3.org/TR/WCAG22/">
            Web Content Accessibility Guidelines version 2.2
          </a>{" "}
          AA standard, because of the non-compliances and the missing audit listed above.
        </p>
        <h3 className="govuk-heading-m">Content that is not within the scope of the accessibility regulations</h3>
        <p className="govuk-body">
          Documents uploaded by groups are third-party content that we do not fund, develop or control, so they are not
          within the scope of the regulations.
        </p>

        <h2 className="govuk-heading-l">What we are doing to improve accessibility</h2>
        <p className="govuk-body">
          The service is built with the GOV.UK Design System&rsquo;s components and patterns. Every page is checked
          automatically against WCAG 2.2 AA each time the service changes, with and without JavaScript. We plan an audit by
          an accessibility specialist before the service leaves beta, and will publish what it finds here.
        </p>

        <h2 className="govuk-heading-l">Preparation of this accessibility statement</h2>
        <p className="govuk-body">
          This statement was prepared on 22 November 2026. It was last reviewed on 22 November 2026. The service was tested
          by its developers, using automated checks (axe-core) on every page and manual keyboard checks.
        </p>
      </div>
    </div>
  );
}
