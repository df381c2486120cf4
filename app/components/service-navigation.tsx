/**
 * GOV.UK Frontend Service navigation (`govukServiceNavigation` macro, govuk-frontend 6.6.0
 * `components/service-navigation/template.njk`): service name and main navigation.
 */
import { isValidElement } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, renderHtml, type HtmlOption } from "./html";

export interface ServiceNavigationItem {
  /** The user is on this page: active style and `aria-current="page"`. Takes precedence over `active`. */
  current?: boolean;
  /** The user is within this section: active style and `aria-current="true"`. */
  active?: boolean;
  /** Text of the item. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content for the item. */
  html?: HtmlOption;
  /** URL of the item's link; without it the item is plain text. */
  href?: string;
  /** HTML attributes to add to the item's link. */
  attributes?: Attributes;
}

/** Options form of the `end` slot. */
export interface ServiceNavigationEndSlot {
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
  /** `"inline"` renders the slot on the same line as the navigation items (on wider screens). */
  align?: "inline";
}

export interface ServiceNavigationSlots {
  /** Content at the start of the container. */
  start?: HtmlOption;
  /** Content at the end of the container (below the navigation, or inline with `{ html, align: "inline" }`). */
  end?: HtmlOption | ServiceNavigationEndSlot;
  /** Content before the first navigation item, inside the `<ul>` (use `<li>` elements). */
  navigationStart?: HtmlOption;
  /** Content after the last navigation item, inside the `<ul>` (use `<li>` elements). */
  navigationEnd?: HtmlOption;
}

export interface ServiceNavigationProps {
  /** The name of the service. With it (or a start/end slot) the component is a labelled `<section>`. */
  serviceName?: string;
  /** Link for the service name. */
  serviceUrl?: string;
  /** Navigation items; falsy items are skipped. */
  navigation?: ReadonlyArray<ServiceNavigationItem | null | undefined | false | "">;
  /** `aria-label` of the `<section>`. Defaults to `"Service information"`. */
  ariaLabel?: string;
  /** Text of the mobile menu toggle. Defaults to `"Menu"`. */
  menuButtonText?: string;
  /** Screen reader label of the mobile menu toggle, if different from `menuButtonText`. */
  menuButtonLabel?: string;
  /** `aria-label` of the `<nav>`. Defaults to `menuButtonText`. */
  navigationLabel?: string;
  /** `id` of the navigation list, for the toggle's `aria-controls`. Defaults to `"navigation"`. */
  navigationId?: string;
  /** Classes to add to the `<nav>`. */
  navigationClasses?: string;
  /** Collapse the navigation into a menu on mobile. Defaults to `true` with more than one item. */
  collapseNavigationOnMobile?: boolean;
  /** Places to inject custom content. */
  slots?: ServiceNavigationSlots;
  /** Classes to add to the container, for example `govuk-service-navigation--inverse`. */
  classes?: string;
  /** HTML attributes to add to the container. */
  attributes?: Attributes;
}

function isEndSlotOptions(end: ServiceNavigationSlots["end"]): end is ServiceNavigationEndSlot {
  return typeof end === "object" && end !== null && !isValidElement(end) && !(Symbol.iterator in end) && !("then" in end);
}

function NavigationItem({ item }: { item: ServiceNavigationItem }) {
  const isActive = Boolean(item.active || item.current);
  const ariaCurrent = isActive ? (item.current ? "page" : "true") : undefined;
  // Active items are wrapped in <strong> so users who override colours still see which item is current.
  const inner = isActive
    ? { children: <strong className="govuk-service-navigation__active-fallback" {...content(undefined, item.html, item.text)} /> }
    : content(undefined, item.html, item.text);
  return (
    <li className={cx("govuk-service-navigation__item", isActive && "govuk-service-navigation__item--active")}>
      {item.href ? (
        <a
          {...attributesToProps(item.attributes)}
          className="govuk-service-navigation__link"
          href={item.href}
          aria-current={ariaCurrent}
          {...inner}
        />
      ) : item.html || item.text ? (
        <span className="govuk-service-navigation__text" aria-current={ariaCurrent} {...inner} />
      ) : null}
    </li>
  );
}

export function ServiceNavigation(props: ServiceNavigationProps) {
  const {
    serviceName,
    serviceUrl,
    navigation,
    ariaLabel,
    menuButtonLabel,
    navigationLabel,
    navigationClasses,
    slots,
    classes,
    attributes,
  } = props;
  const menuButtonText = props.menuButtonText || "Menu";
  const navigationId = props.navigationId || "navigation";
  const end = slots?.end;
  const endSlotHtml = isEndSlotOptions(end) ? end.html : end;
  const endSlotInline = isEndSlotOptions(end) && end.align === "inline";
  const items = (navigation ?? []).filter((item): item is ServiceNavigationItem => Boolean(item));
  const collapseNavigationOnMobile = props.collapseNavigationOnMobile ?? items.length > 1;

  const inner = (
    <div className={cx("govuk-width-container", endSlotInline && "govuk-service-navigation__inlining-container")}>
      {slots?.start ? renderHtml(slots.start) : null}
      <div className="govuk-service-navigation__container">
        {serviceName ? (
          <span className="govuk-service-navigation__service-name">
            {serviceUrl ? (
              <a href={serviceUrl} className="govuk-service-navigation__link">
                {serviceName}
              </a>
            ) : (
              <span className="govuk-service-navigation__text">{serviceName}</span>
            )}
          </span>
        ) : null}
        {items.length || slots?.navigationStart || slots?.navigationEnd ? (
          <nav aria-label={navigationLabel || menuButtonText} className={cx("govuk-service-navigation__wrapper", navigationClasses)}>
            {collapseNavigationOnMobile ? (
              <button
                type="button"
                className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={navigationId}
                aria-label={menuButtonLabel && menuButtonLabel !== menuButtonText ? menuButtonLabel : undefined}
                hidden
                aria-hidden="true"
              >
                {menuButtonText}
              </button>
            ) : null}
            <ul className="govuk-service-navigation__list" id={navigationId}>
              {slots?.navigationStart ? renderHtml(slots.navigationStart) : null}
              {items.map((item, i) => (
                <NavigationItem key={i} item={item} />
              ))}
              {slots?.navigationEnd ? renderHtml(slots.navigationEnd) : null}
            </ul>
          </nav>
        ) : null}
      </div>
      {endSlotHtml ? renderHtml(endSlotHtml) : null}
    </div>
  );

  const common = {
    ...attributesToProps(attributes),
    className: cx("govuk-service-navigation", classes),
    "data-module": "govuk-service-navigation",
  };

  // With a service name or start/end slot, a labelled <section> is the landmark; otherwise the <nav> is enough.
  return serviceName || slots?.start || endSlotHtml ? (
    <section {...common} aria-label={ariaLabel ?? "Service information"}>
      {inner}
    </section>
  ) : (
    <div {...common}>{inner}</div>
  );
}
