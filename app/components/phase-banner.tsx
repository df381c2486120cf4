/** GOV.UK Frontend Phase banner (`govukPhaseBanner` macro, govuk-frontend 6.6.0 `components/phase-banner/template.njk`). */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, type HtmlOption } from "./html";
import { Tag } from "./tag";

export interface PhaseBannerTag {
  /** Text of the tag, for example `"Beta"`. */
  text?: string;
  /** Trusted HTML string or React content for the tag. */
  html?: HtmlOption;
  /** Classes to add to the tag. */
  classes?: string;
}

export interface PhaseBannerProps {
  /** The phase tag. */
  tag?: PhaseBannerTag;
  /** Text of the banner. Ignored if `html` or `children` is given. */
  text?: string;
  /** Trusted HTML for the banner text. Ignored if `children` is given. */
  html?: string;
  /** React content for the banner text; wins over `html` and `text`. */
  children?: ReactNode;
  /** Classes to add to the banner. */
  classes?: string;
  /** HTML attributes to add to the banner. */
  attributes?: Attributes;
}

export function PhaseBanner({ tag, text, html, children, classes, attributes }: PhaseBannerProps) {
  const tagHtml = tag?.html;
  return (
    <div {...attributesToProps(attributes)} className={cx("govuk-phase-banner govuk-width-container", classes)}>
      <p className="govuk-phase-banner__content">
        <Tag
          text={tag?.text}
          html={typeof tagHtml === "string" ? tagHtml : undefined}
          classes={cx("govuk-phase-banner__content__tag", tag?.classes)}
        >
          {typeof tagHtml === "string" ? undefined : tagHtml}
        </Tag>
        <span className="govuk-phase-banner__text" {...content(children, html, text)} />
      </p>
    </div>
  );
}
