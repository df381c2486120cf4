/**
 * GOV.UK Frontend Generic header (`govukGenericHeader` macro, govuk-frontend 6.6.0
 * `components/generic-header/template.njk`): the header for services not on GOV.UK, without the crown.
 */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content } from "./html";

export interface HeaderProps {
  /** URL of the logo link. Defaults to `"/"`. */
  url?: string;
  /** Text of the logo link. Ignored if `logoHtml` or `children` is given. */
  logoText?: string;
  /** Trusted HTML for the logo link (for example an SVG). Ignored if `children` is given. */
  logoHtml?: string;
  /** React content for the logo link; wins over `logoHtml` and `logoText`. */
  children?: ReactNode;
  /** Classes for the inner container. Defaults to `govuk-width-container`. */
  containerClasses?: string;
  /** Classes to add to the header. */
  classes?: string;
  /** HTML attributes to add to the header. */
  attributes?: Attributes;
}

export function Header({ url, logoText, logoHtml, children, containerClasses, classes, attributes }: HeaderProps) {
  return (
    <div {...attributesToProps(attributes)} className={cx("govuk-generic-header", classes)}>
      <div className={cx("govuk-generic-header__container", containerClasses || "govuk-width-container")}>
        <div className="govuk-generic-header__logo">
          <a href={url || "/"} className="govuk-generic-header__homepage-link" {...content(children, logoHtml, logoText)} />
        </div>
      </div>
    </div>
  );
}
