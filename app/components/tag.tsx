/** GOV.UK Frontend Tag (`govukTag` macro, govuk-frontend 6.6.0 `components/tag/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content } from "./html";

export interface TagProps {
  /** Text of the tag. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML for the tag. Ignored if `children` is given. */
  html?: string;
  /** React content for the tag; wins over `html` and `text`. */
  children?: ReactNode;
  /** Classes to add to the tag, for example `govuk-tag--grey`. */
  classes?: string;
  /** HTML attributes to add to the tag. */
  attributes?: Attributes;
}

export function Tag({ text, html, children, classes, attributes }: TagProps) {
  return <strong {...attributesToProps(attributes)} className={cx("govuk-tag", classes)} {...content(children, html, text)} />;
}
