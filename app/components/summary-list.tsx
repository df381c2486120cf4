/**
 * GOV.UK Frontend Summary list (`govukSummaryList` macro, govuk-frontend 6.6.0
 * `components/summary-list/template.njk`), including row actions and the summary card variant (`card`).
 */
import type { ReactNode } from "react";

import { attributesToProps, cx, type Attributes } from "./attributes";
import { content, renderHtml, type HtmlOption } from "./html";

export interface SummaryListAction {
  /** The link's `href`. */
  href: string;
  /** Text of the link. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content for the link. */
  html?: HtmlOption;
  /** Visually hidden text added to the link, for example the row's key (`"name"` in "Change name"). */
  visuallyHiddenText?: string;
  /** Classes to add to the link. */
  classes?: string;
  /** HTML attributes to add to the link. */
  attributes?: Attributes;
}

export interface SummaryListActions {
  /** The action links. */
  items?: readonly SummaryListAction[];
  /** Classes to add to the actions wrapper. */
  classes?: string;
}

export interface SummaryListCell {
  /** Text of the key or value. Ignored if `html` is given. */
  text?: string | number;
  /** Trusted HTML string or React content. */
  html?: HtmlOption;
  /** Classes to add to the `<dt>`/`<dd>`. */
  classes?: string;
}

export interface SummaryListRow {
  /** The row's key (`<dt>`). */
  key: SummaryListCell;
  /** The row's value (`<dd>`). */
  value: SummaryListCell;
  /** Action links for the row. */
  actions?: SummaryListActions;
  /** Classes to add to the row, for example `govuk-summary-list__row--no-border`. */
  classes?: string;
}

export interface SummaryCardTitle {
  /** Text of the title. Ignored if `html` is given. */
  text?: string;
  /** Trusted HTML string or React content for the title. */
  html?: HtmlOption;
  /** Heading level of the title, 1 to 6. Defaults to 2. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Classes to add to the title. */
  classes?: string;
}

export interface SummaryCard {
  /** The card's title. Also added, visually hidden, to every action link in the card. */
  title?: SummaryCardTitle;
  /** Action links in the card's header. */
  actions?: SummaryListActions;
  /** Classes to add to the card. */
  classes?: string;
  /** HTML attributes to add to the card. */
  attributes?: Attributes;
}

export interface SummaryListProps {
  /** The rows; falsy rows are skipped, as in the macro. */
  rows: ReadonlyArray<SummaryListRow | null | undefined | false | "">;
  /** Wrap the list in a summary card. */
  card?: SummaryCard;
  /** Classes to add to the list, for example `govuk-summary-list--no-border`. */
  classes?: string;
  /** HTML attributes to add to the list. */
  attributes?: Attributes;
}

function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle?: SummaryCardTitle }) {
  const label = action.html ? renderHtml(action.html) : action.text;
  let hidden: ReactNode = null;
  if (action.visuallyHiddenText || cardTitle) {
    hidden = (
      <span className="govuk-visually-hidden">
        {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
        {cardTitle ? (
          <>
            {" ("}
            {cardTitle.html ? renderHtml(cardTitle.html) : cardTitle.text}
            {")"}
          </>
        ) : null}
      </span>
    );
  }
  return (
    <a {...attributesToProps(action.attributes)} className={cx("govuk-link", action.classes)} href={action.href}>
      {label}
      {hidden}
    </a>
  );
}

function Card({ card, children }: { card: SummaryCard; children: ReactNode }) {
  const { title, actions } = card;
  const Heading = `h${title?.headingLevel || 2}` as "h2";
  const items = actions?.items ?? [];
  return (
    <div {...attributesToProps(card.attributes)} className={cx("govuk-summary-card", card.classes)}>
      <div className="govuk-summary-card__title-wrapper">
        {title ? (
          <Heading className={cx("govuk-summary-card__title", title.classes)} {...content(undefined, title.html, title.text)} />
        ) : null}
        {items.length === 1 ? (
          <div className={cx("govuk-summary-card__actions", actions?.classes)}>
            <ActionLink action={items[0]} cardTitle={title} />
          </div>
        ) : items.length > 1 ? (
          <ul className={cx("govuk-summary-card__actions", actions?.classes)}>
            {items.map((action, i) => (
              <li key={i} className="govuk-summary-card__action">
                <ActionLink action={action} cardTitle={title} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}

export function SummaryList({ rows, card, classes, attributes }: SummaryListProps) {
  const anyRowHasActions = rows.some((row) => row && row.actions?.items?.length);
  const cardTitle = card?.title;
  const list = (
    <dl {...attributesToProps(attributes)} className={cx("govuk-summary-list", classes)}>
      {rows.map((row, r) => {
        if (!row) return null;
        const items = row.actions?.items ?? [];
        return (
          <div
            key={r}
            className={cx(
              "govuk-summary-list__row",
              anyRowHasActions && !row.actions?.items && "govuk-summary-list__row--no-actions",
              row.classes
            )}
          >
            <dt className={cx("govuk-summary-list__key", row.key?.classes)} {...content(undefined, row.key?.html, row.key?.text)} />
            <dd className={cx("govuk-summary-list__value", row.value?.classes)} {...content(undefined, row.value?.html, row.value?.text)} />
            {items.length ? (
              <dd className={cx("govuk-summary-list__actions", row.actions?.classes)}>
                {items.length === 1 ? (
                  <ActionLink action={items[0]} cardTitle={cardTitle} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {items.map((action, i) => (
                      <li key={i} className="govuk-summary-list__actions-list-item">
                        <ActionLink action={action} cardTitle={cardTitle} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
  return card ? <Card card={card}>{list}</Card> : list;
}
