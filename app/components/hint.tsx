/** GOV.UK Frontend Hint (`govukHint` macro, govuk-frontend 6.6.0 `components/hint/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, type HtmlOption } from "./html";

export interface HintProps {
  /** Text of the hint. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML string or React content for the hint. Ignored if `children` is given. */
  html?: HtmlOption;
  /** React content for the hint; wins over `html` and `text`. */
  children?: ReactNode;
  /** `id` of the hint, for `aria-describedby` on the field it describes. */
  id?: string;
  /** Classes to add to the hint. */
  classes?: string;
  /** HTML attributes to add to the hint. */
  attributes?: Attributes;
}

export function Hint({ text, html, children, id, classes, attributes }: HintProps) {
  // `id` and `class` come before `attributes` in the template, so they win over them (first duplicate wins).
  return (
    <div
      {...attributesToProps(attributes)}
      {...(id ? { id } : {})}
      className={cx("govuk-hint", classes)}
      {...content(children, html, text)}
    />
  );
}
