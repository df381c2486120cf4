/** GOV.UK Frontend Inset text (`govukInsetText` macro, govuk-frontend 6.6.0 `components/inset-text/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content } from "./html";

export interface InsetTextProps {
  /** Text of the inset text. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML for the inset text. Ignored if `children` is given. */
  html?: string;
  /** React content (the macro's `caller` block); wins over `html` and `text`. */
  children?: ReactNode;
  /** `id` of the inset text container. */
  id?: string;
  /** Classes to add to the container. */
  classes?: string;
  /** HTML attributes to add to the container. */
  attributes?: Attributes;
}

export function InsetText({ text, html, children, id, classes, attributes }: InsetTextProps) {
  return (
    <div
      {...attributesToProps(attributes)}
      id={id || undefined}
      className={cx("govuk-inset-text", classes)}
      {...content(children, html, text)}
    />
  );
}
