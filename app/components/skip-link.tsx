/** GOV.UK Frontend Skip link (`govukSkipLink` macro, govuk-frontend 6.6.0 `components/skip-link/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content } from "./html";

export interface SkipLinkProps {
  /** Text of the link. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML for the link. Ignored if `children` is given. */
  html?: string;
  /** React content for the link; wins over `html` and `text`. */
  children?: ReactNode;
  /** The link's `href`. Defaults to `"#content"`. */
  href?: string;
  /** Classes to add to the skip link. */
  classes?: string;
  /** HTML attributes to add to the skip link. */
  attributes?: Attributes;
}

export function SkipLink({ text, html, children, href, classes, attributes }: SkipLinkProps) {
  return (
    <a
      data-module="govuk-skip-link"
      {...attributesToProps(attributes)}
      href={href || "#content"}
      className={cx("govuk-skip-link", classes)}
      {...content(children, html, text)}
    />
  );
}
