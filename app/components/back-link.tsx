/** GOV.UK Frontend Back link (`govukBackLink` macro, govuk-frontend 6.6.0 `components/back-link/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content } from "./html";

export interface BackLinkProps {
  /** Text of the link. Defaults to `"Back"`. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML for the link. Ignored if `children` is given. */
  html?: string;
  /** React content for the link; wins over `html` and `text`. */
  children?: ReactNode;
  /** The link's `href`. Defaults to `"#"`. */
  href?: string;
  /** Classes to add to the link, for example `govuk-back-link--inverse`. */
  classes?: string;
  /** HTML attributes to add to the link. */
  attributes?: Attributes;
}

export function BackLink({ text, html, children, href, classes, attributes }: BackLinkProps) {
  return (
    <a
      {...attributesToProps(attributes)}
      href={href || "#"}
      className={cx("govuk-back-link", classes)}
      {...content(children, html, text || "Back")}
    />
  );
}
